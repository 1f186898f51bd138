/**
 * Evidence first: the quotes behind the selected relation, event or entity, each with its article, sentence,
 * modality, attribution and polarity; and the article itself with exactly the quoted characters highlighted.
 * Arrow keys step through the quotes. Offsets from the API are code points, converted to UTF-16 for the DOM.
 */
import type { ApiClient, EntityDetail, Quote, RelationDetail } from './api.js';
import { utf16Span } from './codePoints.js';
import { el } from './dom.js';
import { edgeLabel } from './style.js';

export class EvidencePane {
  private quotes: readonly Quote[] = [];
  private current = -1;
  /** Bumped on every show: an answer that arrives after a newer selection is dropped. */
  private generation = 0;

  constructor(
    private readonly api: ApiClient,
    private readonly list: HTMLElement,
    private readonly heading: HTMLElement,
    private readonly articleHeading: HTMLElement,
    private readonly articleText: HTMLElement,
    private readonly announce: (message: string) => void,
  ) {
    list.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowRight') this.step(1, event);
      else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') this.step(-1, event);
    });
  }

  private step(by: number, event: KeyboardEvent): void {
    if (this.quotes.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    void this.showQuote((this.current + by + this.quotes.length) % this.quotes.length, true);
  }

  clear(): void {
    this.generation++;
    this.quotes = [];
    this.current = -1;
    this.heading.replaceChildren('Select a relation, an event or an entity to read its evidence.');
    this.list.replaceChildren();
    this.articleHeading.replaceChildren();
    this.articleText.replaceChildren();
  }

  async showRelation(relation: RelationDetail): Promise<void> {
    const verb = edgeLabel(relation.predicate, relation.negated, relation.origin);
    const badges = [
      relation.negated ? el('span', { class: 'badge negated' }, relation.predicate === 'ENDORSED' ? 'negated · not endorsed' : 'negated · does not hold') : null,
      el('span', { class: `badge modality-${relation.modality}` }, relation.modality),
      relation.attributedTo === null ? null : el('span', { class: 'badge' }, `according to ${relation.attributedTo.name}`),
      relation.time === null ? null : el('span', { class: 'badge' }, relation.time),
    ].filter((badge): badge is HTMLSpanElement => badge !== null);
    this.heading.replaceChildren(
      el('span', { class: 'relation-title', 'data-negated': String(relation.negated), 'data-modality': relation.modality }, `${relation.subject.name} — ${verb} → ${relation.object.name}`),
      ' ',
      ...badges,
    );
    await this.showQuotes(relation.evidence, `${relation.subject.name} ${verb} ${relation.object.name}${relation.negated ? ' (negated)' : ''}, ${relation.modality}`);
  }

  async showEntity(entity: EntityDetail): Promise<void> {
    this.heading.replaceChildren(el('span', { class: 'relation-title' }, `${entity.name} (${entity.kind.toLowerCase()})`), entity.description === null ? '' : ` ${entity.description}`);
    await this.showQuotes(entity.evidence, `${entity.name}, ${entity.kind.toLowerCase()}`);
  }

  private async showQuotes(quotes: readonly Quote[], summary: string): Promise<void> {
    this.generation++;
    this.quotes = quotes;
    this.current = -1;
    this.list.replaceChildren(
      ...quotes.map((quote, i) => {
        const item = el(
          'li',
          { role: 'option', 'aria-selected': 'false', 'data-index': String(i) },
          el('q', {}, quote.exact),
          el('span', { class: 'source' }, `${quote.article.title}${quote.article.published === null ? '' : ` · ${quote.article.published}`} · sentence ${quote.sentence + 1}`),
          el('span', { class: 'sentence' }, quote.sentenceText),
        );
        item.addEventListener('click', () => void this.showQuote(i, false));
        return item;
      }),
    );
    this.announce(`${summary}: ${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'}.`);
    if (quotes.length > 0) await this.showQuote(0, false);
  }

  /** Marks quote `index` in the list and highlights it in its article, scrolled into view. */
  async showQuote(index: number, focus: boolean): Promise<void> {
    const quote = this.quotes[index];
    if (quote === undefined) return;
    this.current = index;
    const generation = this.generation;
    for (const item of this.list.children) item.setAttribute('aria-selected', String(item.getAttribute('data-index') === String(index)));
    this.list.setAttribute('aria-activedescendant', '');
    if (focus) this.list.focus();
    const article = await this.api.article(quote.article.id);
    if (generation !== this.generation || this.current !== index) return;
    const span = utf16Span(article.text, quote.start, quote.end);
    const mark = el('mark', { class: 'quote', 'data-start': String(quote.start), 'data-end': String(quote.end) }, article.text.slice(span.start, span.end));
    this.articleHeading.replaceChildren(
      el('strong', {}, article.title),
      `${article.source === null ? '' : ` · ${article.source}`}${article.published === null ? '' : ` · ${article.published}`}`,
    );
    this.articleText.replaceChildren(article.text.slice(0, span.start), mark, article.text.slice(span.end));
    // Scroll the article box only (scrollIntoView would scroll the whole page too).
    this.articleText.scrollTop = Math.max(0, mark.offsetTop - this.articleText.clientHeight / 2);
    if (focus) this.announce(`Quote ${index + 1} of ${this.quotes.length}: ${quote.exact}`);
  }
}
