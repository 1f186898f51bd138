/**
 * The playground in the browser: GraphiQL against this server's endpoint, with one tab per example question
 * of the article and an Examples pane. Bundled by scripts/build-playground.mjs into dist/playground/.
 */
import './workers.js'; // first: Monaco reads MonacoEnvironment when it loads
import 'graphiql/style.css';
import './playground.css';

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PLAYGROUND_EXAMPLES } from '../examples.js';
import { EXAMPLES_PLUGIN, variablesText } from './examplesPlugin.jsx';
import { namespacedStorage } from './storage.js';

const container = document.getElementById('newsgraph-playground');
if (container === null) throw new Error('newsgraph playground: the page has no #newsgraph-playground element');

const endpoint = container.dataset['endpoint'] ?? '/graphql';
const fetcher = createGraphiQLFetcher({ url: new URL(endpoint, location.href).href });

const defaultTabs = PLAYGROUND_EXAMPLES.map((example) => ({ query: example.query, variables: variablesText(example) }));

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs}
      plugins={[EXAMPLES_PLUGIN, HISTORY_PLUGIN]}
      visiblePlugin={EXAMPLES_PLUGIN}
      storage={namespacedStorage}
      defaultEditorToolsVisibility="variables"
      isHeadersEditorEnabled={false}
    >
      <GraphiQL.Logo>
        <span className="newsgraph-logo">newsgraph</span>
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
