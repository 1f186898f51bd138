/**
 * A sidebar pane listing the article's example questions: a click opens the question in a new tab, ready to
 * run. The examples are also GraphiQL's default tabs, but those show only until the user's own tabs are
 * saved in the browser; this pane keeps them one click away.
 */
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { PLAYGROUND_EXAMPLES } from '../examples.js';

/** @param {import('../examples.js').PlaygroundExample} example */
export function variablesText(example) {
  return example.variables === undefined ? '' : JSON.stringify(example.variables, null, 2);
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5V14" strokeLinecap="round" />
      <circle cx="12" cy="17" r="0.6" fill="currentColor" />
    </svg>
  );
}

function ExamplesPane() {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const { addTab } = useGraphiQLActions();

  /** @param {import('../examples.js').PlaygroundExample} example */
  const open = (example) => {
    addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(variablesText(example));
  };

  return (
    <section className="newsgraph-examples" aria-labelledby="newsgraph-examples-title">
      <div className="graphiql-doc-explorer-title" id="newsgraph-examples-title">Examples</div>
      <p className="newsgraph-examples-intro">
        Questions about the seed article. Each opens in a new tab; press the run button to ask it.
      </p>
      <ul>
        {PLAYGROUND_EXAMPLES.map((example) => (
          <li key={example.operationName}>
            <button type="button" data-example={example.operationName} onClick={() => open(example)}>
              <span className="newsgraph-example-title">{example.title}</span>
              <span className="newsgraph-example-question">{example.question}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** @type {import('@graphiql/react').GraphiQLPlugin} */
export const EXAMPLES_PLUGIN = { title: 'Examples', icon: ExamplesIcon, content: ExamplesPane };
