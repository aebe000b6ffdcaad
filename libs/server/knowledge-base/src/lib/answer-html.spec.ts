import { answerText, sanitizeAnswer, textToAnswerHtml } from './answer-html';

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
});
