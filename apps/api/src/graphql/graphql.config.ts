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
    playground: false,
    introspection: true,
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    validationRules: [depthLimit(config.graphqlMaxDepth)],
    plugins: [complexityPlugin(() => schemaHost().schema, config.graphqlMaxComplexity)],
    formatError: formatGraphqlError,
  };
}
