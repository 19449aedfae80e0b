import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/** A GraphQLError thrown on purpose (bad argument, …) goes to the client as is, without an error log. */
@Catch(GraphQLError)
export class GraphqlErrorPassthrough implements GqlExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}
