/** Why a query was refused; the API maps every one of them to 400. */
export type KnowledgeQueryErrorCode = 'EMPTY_QUERY' | 'QUERY_TOO_LONG' | 'INVALID_PAGE';

/** A query the engine refuses to run (empty, too long, bad page): the caller's fault, never the engine's. */
export class KnowledgeQueryError extends Error {
  override readonly name = 'KnowledgeQueryError';
  constructor(
    readonly code: KnowledgeQueryErrorCode,
    message: string,
  ) {
    super(message);
  }
}
