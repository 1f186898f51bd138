/**
 * The ends of the relations that a batch of article pages shows, read beside the pages' own statement rather than
 * after it.
 *
 * "What each article added" asks 100 articles' first 10 relations with their ends' names. endsAhead.ts read the ends
 * once the page was in: the page's statement (about 8 ms of PostgreSQL's CPU at 100,000 articles), then the server
 * parsing its 1,100 rows, then the ends' statement (641 entities, about 5 ms), one after the other: on a request's
 * critical path, 13 ms of the database and a turn of the server in between (measured in docs/design-choices.md,
 * `pgeach`). The ends do not need the page's records: which relations an article page shows comes from
 * relation_article's index alone, and their ends from the relation table's `subject` and `object` columns (2.5 ms,
 * no record read). So this statement finds the same relations again and reads their ends' records, on another
 * connection at the same time as the page: the request waits for the slower of the two, not for their sum. The
 * price is that lookup done twice (2.5 ms of the database's CPU per batch), paid only where a page of relations is
 * shown at all.
 *
 * The same relations as articlePageBatch.ts's statement: those of each article of $1 after graph position $2, the
 * first $3 in graph order (the shown ones, not the extra row that only says there is a next page).
 */
import { projectedDoc } from './projectedRecords.js';

export const ARTICLE_PAGE_ENDS_SQL = `WITH shown AS MATERIALIZED (
    SELECT t.subject, t.object FROM unnest($1::text[]) AS q(id)
    CROSS JOIN LATERAL (
      SELECT l.relation_pos FROM newsgraph.relation_article l WHERE l.article = q.id AND l.relation_pos > $2 ORDER BY l.relation_pos LIMIT $3) p
    JOIN newsgraph.relation t ON t.pos = p.relation_pos)
  SELECT e.id, ${projectedDoc('e.')} AS doc FROM newsgraph.entity e
  WHERE e.id IN (SELECT subject FROM shown UNION SELECT object FROM shown)`;
