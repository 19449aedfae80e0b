import { CustomScalar, Scalar } from '@nestjs/graphql';
import { LedgerError, parseAmount } from '@wetube/ledger';
import { GraphQLError, Kind, ValueNode } from 'graphql';

/**
 * Cloudcoin amounts in GraphQL: integer minor units (1 CLC = 1,000,000) as a decimal string. Input
 * is parsed strictly (no floats, exponents, leading zeros, numbers above 2^53, or beyond 2^63 − 1);
 * sign and zero rules are each operation's own (parseAmount in the service).
 */
@Scalar('Amount', () => AmountScalar)
export class AmountScalar implements CustomScalar<string, bigint> {
  description = 'Cloudcoin in integer minor units (1 CLC = 1,000,000) as a decimal string, e.g. "1500000" = 1.5 CLC';

  serialize(value: unknown): string {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
    throw new GraphQLError(`Amount cannot represent ${String(value)}`);
  }

  parseValue(value: unknown): bigint {
    return parse(value);
  }

  parseLiteral(ast: ValueNode): bigint {
    if (ast.kind === Kind.STRING) return parse(ast.value);
    if (ast.kind === Kind.INT) return parse(Number(ast.value) <= Number.MAX_SAFE_INTEGER ? Number(ast.value) : 2 ** 64);
    throw new GraphQLError('Amount must be a decimal string of minor units', { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

function parse(value: unknown): bigint {
  try {
    return parseAmount(value, { allowNegative: true, allowZero: true });
  } catch (err) {
    if (err instanceof LedgerError)
      throw new GraphQLError(`Amount: ${err.message}`, { extensions: { code: 'BAD_USER_INPUT', reason: err.code } });
    throw err;
  }
}
