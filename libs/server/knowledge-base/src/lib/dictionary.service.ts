import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { KnowledgeDictionary, KnowledgeDictionaryEntry, KnowledgeDictionaryEntryInput } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppException, audit, ChangeBus, inTransaction } from '@hotline/server-platform';
import { strings, type Row } from './article-rows';

/** The ChangeBus topic of a dictionary change: every process rebuilds its index with the new words. */
export const DICTIONARY_CHANGED = 'knowledge-dictionary';

const toEntry = (r: Row): KnowledgeDictionaryEntry => ({
  id: Number(r['id']),
  kind: r['kind'] as KnowledgeDictionaryEntry['kind'],
  words: strings(r['words']),
  createdAt: new Date(r['created_at'] as Date).toISOString(),
});

/** The admins' user dictionary: words the segmenter keeps whole (place and unit names) and synonym groups. */
@Injectable()
export class DictionaryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly bus: ChangeBus,
  ) {}

  async list(): Promise<KnowledgeDictionary> {
    const rows: Row[] = await this.ds.query('SELECT * FROM knowledge_dictionary ORDER BY kind, id');
    return { items: rows.map(toEntry) };
  }

  /** What the index is built with. */
  async load(): Promise<{ userWords: string[]; synonyms: string[][] }> {
    const { items } = await this.list();
    return {
      userWords: [...new Set(items.flatMap((e) => (e.kind === 'word' ? e.words : e.words.filter((w) => w.length > 1))))],
      synonyms: items.filter((e) => e.kind === 'synonyms').map((e) => e.words),
    };
  }

  async add(user: AuthUser, input: KnowledgeDictionaryEntryInput): Promise<KnowledgeDictionaryEntry> {
    const words = input.words.map((w) => w.trim());
    if (input.kind === 'word' && words.length !== 1)
      throw new AppException('VALIDATION_FAILED', 'words: one word per entry of kind word', [{ field: 'words', messages: ['exactly one word'] }]);
    if (input.kind === 'synonyms' && words.length < 2)
      throw new AppException('VALIDATION_FAILED', 'words: a synonym group has two words or more', [{ field: 'words', messages: ['at least two words'] }]);
    const id = await inTransaction(this.ds, async (em) => {
      const res = await em.query('INSERT INTO knowledge_dictionary (kind, words, created_by) VALUES (?, ?, ?)', [input.kind, JSON.stringify(words), user.id]);
      await em.query('UPDATE knowledge_counter SET dict_seq = dict_seq + 1 WHERE id = 1');
      await audit(em, user, 'knowledge-dictionary', Number(res.insertId), 'create', { kind: input.kind, words });
      return Number(res.insertId);
    });
    await this.bus.changed(DICTIONARY_CHANGED);
    const [r]: Row[] = await this.ds.query('SELECT * FROM knowledge_dictionary WHERE id = ?', [id]);
    return toEntry(r);
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    await inTransaction(this.ds, async (em) => {
      const [r]: Row[] = await em.query('SELECT * FROM knowledge_dictionary WHERE id = ? FOR UPDATE', [id]);
      if (!r) throw new AppException('NOT_FOUND', `dictionary entry ${id} not found`);
      await em.query('DELETE FROM knowledge_dictionary WHERE id = ?', [id]);
      await em.query('UPDATE knowledge_counter SET dict_seq = dict_seq + 1 WHERE id = 1');
      await audit(em, user, 'knowledge-dictionary', id, 'delete', { kind: r['kind'], words: strings(r['words']) });
    });
    await this.bus.changed(DICTIONARY_CHANGED);
  }
}
