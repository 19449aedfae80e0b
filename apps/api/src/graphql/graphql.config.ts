import { join } from 'node:path';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import depthLimit from 'graphql-depth-limit';
import { AppConfig } from '@wetube/platform';
import { complexityPlugin } from './complexity.plugin';
import { formatGraphqlError } from './format-error';

/** Code-first GraphQL at /graphql with depth and complexity limits and coded errors. */
export function graphqlOptions(config: AppConfig, schemaHost: () => GraphQLSchemaHost): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    // The schema file is regenerated in development and committed, so clients can read it.
    autoSchemaFile: config.isProduction ? true : join(process.cwd(), 'apps/api/schema.gql'),
    sortSchema: true,
    // Introspection and the IDE (GraphiQL at GET /graphql) in development only; in production an
    // introspection query is refused by validation (400 GRAPHQL_VALIDATION_FAILED).
    playground: false,
    graphiql: !config.isProduction,
    introspection: !config.isProduction,
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    // With maxRecursiveSelections set, Apollo runs GraphQL's standard rules (specifiedRules: fragment
    // cycles, unknown fields…) first and `validationRules` only on a document that passed them, so the
    // depth limit never walks a cyclic fragment. Every validation error answers HTTP 400.
    maxRecursiveSelections: true,
    validationRules: [depthLimit(config.graphqlMaxDepth)],
    // The cost check needs the variables, so it runs once the operation is resolved (also 400).
    plugins: [complexityPlugin(() => schemaHost().schema, config.graphqlMaxComplexity)],
    formatError: formatGraphqlError,
  };
}
