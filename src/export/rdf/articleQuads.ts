/**
 * Articles as schema:NewsArticle (headline, date, outlet as ng:source, address as schema:url) with their full text (the source every evidence selector points into) and their
 * sentences as spans of it, so that a consumer can check `text[start:end] == exact` without our code.
 */
import type { ArticleRecord } from '../../graph/types.js';
import type { QuadContext } from './context.js';
import { numberLiteral, stringLiteral, timeLiteral, uriLiteral } from './literals.js';
import { ng, ngProperty, rdf, schema } from './vocabulary.js';

export function addArticle(ctx: QuadContext, article: ArticleRecord): void {
  const { out, iris } = ctx;
  const iri = iris.article(article.id);
  out.add(iri, rdf('type'), schema('NewsArticle'));
  out.add(iri, schema('headline'), stringLiteral(article.title));
  if (article.published !== undefined) out.add(iri, schema('datePublished'), timeLiteral(article.published));
  if (article.source !== undefined) out.add(iri, ngProperty('source'), stringLiteral(article.source));
  if (article.url !== undefined) out.add(iri, schema('url'), uriLiteral(article.url));
  out.add(iri, schema('text'), stringLiteral(article.text));

  article.sentences.forEach((span, index) => {
    const sentence = iris.sentence(article.id, index);
    out.add(sentence, rdf('type'), ng('Sentence'));
    out.add(sentence, schema('isPartOf'), iri);
    out.add(sentence, ngProperty('index'), numberLiteral(index));
    out.add(sentence, ngProperty('start'), numberLiteral(span.start));
    out.add(sentence, ngProperty('end'), numberLiteral(span.end));
  });
}
