import { describe, expect, it } from 'vitest';
import { SERVER_ORIGIN, addComment, createParticipantIdentity, docToBoard, setPersonName } from '@rejse/shared';
import { bearer, createBoardVia, createTestApp } from './test-app.ts';

describe('the report’s comments appendix', () => {
  it('lists the threads by card, escaped, only when asked for', async () => {
    const { app, live } = createTestApp();
    const { id, token } = await createBoardVia(app, { template: 'collection-letters' });
    const anna = createParticipantIdentity().id;
    const card = live.read(id, (doc) => docToBoard(doc, id).cards[0]!)!;
    live.edit(id, (doc) => {
      setPersonName(doc, anna, 'Anna <b>', SERVER_ORIGIN);
      addComment(doc, anna, { target: { kind: 'card', id: card.id }, text: 'Is <script>this</script> clear?' }, SERVER_ORIGIN);
    });
    const get = async (query: string) => (await app.request(`/api/boards/${id}/report.html${query}`, bearer(token))).text();
    const withComments = await get('?comments=1');
    expect(withComments).toContain('Appendix: comments');
    expect(withComments).toContain('Is &lt;script&gt;this&lt;/script&gt; clear?');
    expect(withComments).toContain('Anna &lt;b&gt;');
    expect(withComments).not.toContain('<script>');
    expect(await get('')).not.toContain('Appendix: comments');
  });
});
