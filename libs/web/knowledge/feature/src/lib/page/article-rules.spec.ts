import type { KnowledgeHistoryEntry } from '@hotline/contracts';
import { articleActions, canEdit, defaultTab, linesOf, revisionState, tabsFor, toAnswerHtml, wrapSelection } from './article-rules';

const unit = { role: 'unit_handler' as const, unitId: 4 };
const center = { role: 'dispatcher' as const, unitId: null };
const agent = { role: 'agent' as const, unitId: null };

describe('article rules', () => {
  it('lets a unit work on its own articles only, and the center on all', () => {
    expect(canEdit({ status: 'draft', ownerUnitId: 4 }, unit)).toBe(true);
    expect(canEdit({ status: 'draft', ownerUnitId: 5 }, unit)).toBe(false);
    expect(canEdit({ status: 'draft', ownerUnitId: 5 }, center)).toBe(true);
    expect(canEdit({ status: 'published', ownerUnitId: 5 }, agent)).toBe(false);
    expect(canEdit({ status: 'archived', ownerUnitId: 5 }, center)).toBe(false);
  });

  it('shows a unit submit only, and the center review, expiry and archive', () => {
    expect(articleActions({ status: 'draft', ownerUnitId: 4, hasRevision: false }, unit)).toEqual(['submit']);
    expect(articleActions({ status: 'review', ownerUnitId: 4, hasRevision: false }, unit)).toEqual([]);
    expect(articleActions({ status: 'published', ownerUnitId: 4, hasRevision: true }, unit)).toEqual(['submit']);
    expect(articleActions({ status: 'review', ownerUnitId: 4, hasRevision: false }, center)).toEqual(['publish', 'reject', 'archive']);
    expect(articleActions({ status: 'published', ownerUnitId: 4, hasRevision: false }, center)).toEqual(['expire', 'archive']);
    expect(articleActions({ status: 'published', ownerUnitId: 4, hasRevision: true }, center)).toEqual(['submit', 'publish', 'reject', 'expire', 'archive']);
    expect(articleActions({ status: 'published', ownerUnitId: 4, hasRevision: false }, agent)).toEqual([]);
  });

  it('reads from the history whether a revision awaits submission or review', () => {
    const h = (...actions: KnowledgeHistoryEntry['action'][]) => actions.map((action, id) => ({ id, action }) as KnowledgeHistoryEntry);
    const revised = { status: 'published' as const, ownerUnitId: 4, hasRevision: true };
    expect(revisionState(revised, h('create', 'submit', 'publish', 'edit'))).toBe('draft');
    expect(revisionState(revised, h('create', 'submit', 'publish', 'edit', 'use', 'submit', 'flag'))).toBe('review');
    expect(revisionState(revised, h('create', 'publish', 'edit', 'submit', 'reject'))).toBe('draft');
    expect(revisionState({ ...revised, hasRevision: false }, h('edit'))).toBeNull();
    expect(articleActions(revised, unit, 'draft')).toEqual(['submit']);
    expect(articleActions(revised, unit, 'review')).toEqual([]);
    expect(articleActions(revised, center, 'review')).toEqual(['publish', 'reject', 'expire', 'archive']);
    expect(articleActions(revised, center, 'draft')).toEqual(['submit', 'expire', 'archive']);
  });

  it('opens each role on the tab it works in', () => {
    expect(defaultTab(unit)).toBe('draft');
    expect(defaultTab(center)).toBe('review');
    expect(defaultTab(agent)).toBe('published');
    expect(tabsFor(agent)).toEqual(['published']);
    expect(tabsFor(unit).length).toBe(5);
  });

  it('turns plain lines into escaped paragraphs and keeps typed HTML', () => {
    expect(toAnswerHtml('第一行\n第二行\n\n<第二段>')).toBe('<p>第一行<br>第二行</p><p>&lt;第二段&gt;</p>');
    expect(toAnswerHtml('<p>已有 <b>格式</b></p>')).toBe('<p>已有 <b>格式</b></p>');
    expect(toAnswerHtml('  ')).toBe('');
  });

  it('reads 同义问法 one per line', () => {
    expect(linesOf(' 公积金怎么取 \n\n公积金怎么取\n提取公积金')).toEqual(['公积金怎么取', '提取公积金']);
  });

  it('wraps the selection with the formatting buttons', () => {
    expect(wrapSelection('请携带身份证', 3, 6, 'b')).toEqual({ text: '请携带<b>身份证</b>', caret: 13 });
    expect(wrapSelection('x', 1, 1, 'ul').text).toBe('x<ul><li>第一项</li><li>第二项</li></ul>');
  });
});
