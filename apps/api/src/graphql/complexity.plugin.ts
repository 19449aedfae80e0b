import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** A list field costs its children times the page size it asks for (`first`, default 20). */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (typeof args?.first === 'number') return 1 + childComplexity * Math.max(1, args.first);
  return undefined;
};

/** Refuses operations whose estimated cost is above `max`, before any resolver runs. */
export function complexityPlugin(schema: () => GraphQLSchema, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema: schema(),
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            return; // bad variables: execution reports them as BAD_USER_INPUT
          }
          if (complexity > max) {
            throw new GraphQLError(`This query is too complex (${complexity}; the limit is ${max}). Ask for fewer items or fields.`, {
              // The caller's document: HTTP 400 (GraphQL over HTTP), never a 5xx. Apollo takes `http` out of the answer.
              extensions: { code: 'QUERY_TOO_COMPLEX', complexity, max, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
