/**
 * Where the server listens unless told otherwise: its own module, so that the command line can say so in its help
 * without loading the server (Apollo and graphql-js: a quarter of a second at every start of every command).
 */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4000;
