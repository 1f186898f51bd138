// Apollo's floor, in its own process: the least a server can do and still have Apollo execute every request.
// node:http, the body read and parsed with JSON.parse, and `executeHTTPGraphQLRequest` of an ApolloServer with
// newsgraph's schema and resolvers (`createSchema`) and nothing else: no plugins of ours (read-only, cost,
// execution budget), no validation rules of ours, no response cache, no ETag. Apollo's cache-control and
// landing-page plugins are turned off as newsgraph turns them off (Apollo installs both unless told not to).
// Prints its URL as one JSON line; stops on SIGTERM.
// Usage: node bench/serving/floor.mjs SNAPSHOT_FILE
process.env.NODE_ENV ??= 'production';
const { createServer } = await import('node:http');
const { ApolloServer, HeaderMap } = await import('@apollo/server');
const { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } = await import('@apollo/server/plugin/disabled');
const { loadSnapshot, createSchema } = await import('../../dist/index.js');

const graph = await loadSnapshot(process.argv[2]);
const apollo = new ApolloServer({
  schema: createSchema(graph),
  csrfPrevention: false,
  plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
});
await apollo.start();
// As startServer does: builds the graph's indices and name index before the first client's question.
await apollo.executeOperation({ query: '{ __typename snapshot { id } entities(first: 1) { totalCount } search(text: "warm up", limit: 1) { id } }' });

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const text = Buffer.concat(chunks).toString('utf8');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: '', body: text === '' ? undefined : JSON.parse(text) },
      context: async () => ({}),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') res.end(response.body.string);
    else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/graphql` })}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => process.exit(0)); // the benchmark that started it (http.mjs startChild) is gone
