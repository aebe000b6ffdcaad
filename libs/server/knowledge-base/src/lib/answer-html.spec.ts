import { answerText, looksLikeHtml, sanitizeAnswer, textToAnswerHtml } from './answer-html';

describe('answer HTML', () => {
  it('drops scripts, handlers, javascript: links and unknown tags, and keeps formatting and safe links', () => {
    const html = sanitizeAnswer(
      '<p onclick="x()">提取<b>公积金</b><script>alert(1)</script></p><img src=x onerror=alert(1)><a href="javascript:alert(1)">坏</a><a href="https://gjj.lyg.gov.cn">官网</a><iframe src="//e"></iframe><ul><li>身份证</li></ul>',
    );
    expect(html).toBe(
      '<p>提取<b>公积金</b></p><a target="_blank" rel="noopener noreferrer">坏</a><a href="https://gjj.lyg.gov.cn" target="_blank" rel="noopener noreferrer">官网</a><ul><li>身份证</li></ul>',
    );
  });

  it('reads the plain text with one line per block and entities decoded', () => {
    expect(answerText('<p>第一步：携带&lt;身份证&gt;</p><p>第二步&amp;办理</p><ul><li>甲</li><li>乙</li></ul>')).toBe(
      '第一步：携带<身份证>\n第二步&办理\n甲\n乙',
    );
  });

  it('turns plain text into escaped paragraphs', () => {
    expect(textToAnswerHtml('一行 <b>\n\n两行')).toBe('<p>一行 &lt;b&gt;</p><p>两行</p>');
  });

  it('takes a text for HTML only when it holds a tag of an HTML element', () => {
    for (const html of [
      '<p>办理</p>',
      '携带<b>身份证</b>',
      '第一行<br/>第二行',
      '第一行<BR>第二行',
      '<div class="x">甲</div>',
      '<a href="https://x.cn">官网</a>',
      '<script>x()</script>',
    ]) {
      expect(looksLikeHtml(html)).toBe(true);
    }
    // Chinese documents cite a title inside a title with angle brackets: 《关于印发<…方案>的通知》
    for (const text of [
      '《关于印发<A市环城绿带生态圈建设工作实施方案>的通知》',
      '按照<A7县征地拆迁实施限价房供应方案>',
      '附件<Excel>表',
      '金额<5000元',
      '若 x<y 且 y>z',
      '&lt;p&gt;',
    ]) {
      expect(looksLikeHtml(text)).toBe(false);
    }
  });
});
