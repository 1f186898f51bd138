/** The page's frame: the regions the controller fills, with their labels for assistive technology. */
import { byId } from './dom.js';

const FRAME = `
<header class="bar">
  <h1>newsgraph <span>explorer</span></h1>
  <div class="search" role="search">
    <label for="search-input" class="visually-hidden">Search entities by name</label>
    <input id="search-input" type="search" placeholder="Search a name (e.g. gahr store)" autocomplete="off" aria-controls="search-results">
    <ul id="search-results" role="listbox" aria-label="Search results"></ul>
  </div>
  <nav class="actions" aria-label="View">
    <button type="button" id="back" title="Back (browser history)">◀</button>
    <button type="button" id="forward" title="Forward">▶</button>
    <button type="button" id="expand">Expand</button>
    <label class="visually-hidden" for="expand-predicate">Expand by predicate</label>
    <select id="expand-predicate"><option value="">all relations</option></select>
    <button type="button" id="collapse">Collapse</button>
    <button type="button" id="pin" aria-pressed="false">Pin</button>
    <button type="button" id="export-png">PNG</button>
    <label class="visually-hidden" for="export-format">Export format</label>
    <select id="export-format"></select>
    <a id="export-link" href="#" download>Export subgraph</a>
    <a href="/graphql" class="api-link">GraphQL</a>
  </nav>
</header>
<p id="status" class="status"></p>
<div class="columns">
  <aside class="left" aria-label="Filters, time and paths">
    <section><h2>Filters</h2>
      <h3>Kind</h3><div id="chips-kind" class="chips"></div>
      <h3>Predicate</h3><div id="chips-predicate" class="chips"></div>
      <h3>Modality</h3><div id="chips-modality" class="chips"></div>
      <h3><label for="filter-negated">Negated</label></h3>
      <select id="filter-negated"><option value="all">shown</option><option value="hide">hidden</option><option value="only">only negated</option></select>
      <h3><label for="filter-article">Article</label></h3><select id="filter-article"><option value="">all articles</option></select>
      <h3><label for="filter-attribution">Attribution</label></h3><select id="filter-attribution"><option value="">anyone or no one</option></select>
      <label class="switch"><input type="checkbox" id="projections-only"> events as projections only</label>
    </section>
    <section><h2>Time</h2>
      <div id="histogram" class="histogram" aria-label="Articles per month"></div>
      <label>from <input type="range" id="time-from" min="0" max="0" value="0"></label> <output id="time-from-label"></output>
      <label>to <input type="range" id="time-to" min="0" max="0" value="0"></label> <output id="time-to-label"></output>
      <h3>Timeline of events</h3><ol id="timeline" class="timeline"></ol>
    </section>
    <section><h2>Why are these connected?</h2>
      <form id="path-form">
        <label>from <input id="path-from" autocomplete="off"></label>
        <label>to <input id="path-to" autocomplete="off"></label>
        <button type="submit">Find path</button>
      </form>
      <ol id="path-result" class="path"></ol>
    </section>
    <section><h2>Legend</h2><ul id="legend" class="legend"></ul></section>
  </aside>
  <main class="canvas" aria-label="Graph">
    <div id="graph" tabindex="0" aria-label="Graph canvas. Arrow keys move between neighbours of the selection, Enter selects, Escape clears." aria-describedby="lists-heading"></div>
  </main>
  <aside class="right" aria-label="Evidence">
    <section><h2>Evidence</h2>
      <div id="evidence-heading" class="evidence-heading"></div>
      <ul id="evidence-list" class="evidence" role="listbox" tabindex="0" aria-label="Quotes (arrow keys step through them)"></ul>
    </section>
    <section><h2>Article</h2>
      <div id="article-heading"></div>
      <div id="article-text" class="article-text"></div>
    </section>
  </aside>
</div>
<section class="lists" aria-labelledby="lists-heading">
  <h2 id="lists-heading">What the graph shows</h2>
  <div class="list-columns">
    <div><h3>Entities</h3><ul id="node-list" role="listbox" aria-label="Visible entities"></ul></div>
    <div><h3>Relations</h3><ul id="edge-list" role="listbox" aria-label="Visible relations"></ul></div>
  </div>
</section>
<div id="announcer" class="visually-hidden" aria-live="polite" role="status"></div>
`;

/** Fills `root` with the frame (static markup, no data in it) and returns its regions. */
export function buildFrame(root: HTMLElement) {
  root.innerHTML = FRAME;
  const input = (id: string): HTMLInputElement => byId(id, HTMLInputElement);
  const select = (id: string): HTMLSelectElement => byId(id, HTMLSelectElement);
  const region = (id: string): HTMLElement => byId(id, HTMLElement);
  return {
    searchInput: input('search-input'),
    searchResults: region('search-results'),
    back: region('back'),
    forward: region('forward'),
    expand: region('expand'),
    expandPredicate: select('expand-predicate'),
    collapse: region('collapse'),
    pin: region('pin'),
    exportPng: region('export-png'),
    exportFormat: select('export-format'),
    exportLink: byId('export-link', HTMLAnchorElement),
    status: region('status'),
    chipsKind: region('chips-kind'),
    chipsPredicate: region('chips-predicate'),
    chipsModality: region('chips-modality'),
    filterNegated: select('filter-negated'),
    filterArticle: select('filter-article'),
    filterAttribution: select('filter-attribution'),
    projectionsOnly: input('projections-only'),
    histogram: region('histogram'),
    timeFrom: input('time-from'),
    timeTo: input('time-to'),
    timeFromLabel: region('time-from-label'),
    timeToLabel: region('time-to-label'),
    timeline: region('timeline'),
    pathForm: byId('path-form', HTMLFormElement),
    pathFrom: input('path-from'),
    pathTo: input('path-to'),
    pathResult: region('path-result'),
    legend: region('legend'),
    graph: region('graph'),
    evidenceHeading: region('evidence-heading'),
    evidenceList: region('evidence-list'),
    articleHeading: region('article-heading'),
    articleText: region('article-text'),
    nodeList: region('node-list'),
    edgeList: region('edge-list'),
    announcer: region('announcer'),
  };
}

export type Frame = ReturnType<typeof buildFrame>;
