import 'reflect-metadata';

/** A class a service's constructor asks for, or the token of an `@Inject(TOKEN)` parameter. */
type InjectionToken = (abstract new (...args: never[]) => unknown) | string | symbol;

/** One call a service under test made on one of its fakes. */
export interface FakeCall {
  /** `VideosService.markFailed`: the dependency's name, then the method's. */
  name: string;
  args: unknown[];
}

/** What stands in for one constructor parameter: a fake for a class or token, or for the parameter at `index`. */
export interface Fake {
  token?: InjectionToken;
  index?: number;
  value: object;
}

/**
 * A fake `T`: give only the members the test needs (async methods, values). Calling a member the
 * fake lacks throws an error naming it, so a test fails when the service does something new.
 */
export function fake<T>(token: abstract new (...args: never[]) => T, value: Partial<T>): Fake;
export function fake<T = unknown>(token: string | symbol, value: Partial<T>): Fake;
export function fake(token: InjectionToken, value: object): Fake {
  return { token, value };
}

/** A fake for the constructor's parameter number `index` (for parameters typed by an interface). */
export function fakeAt<T = unknown>(index: number, value: Partial<T>): Fake {
  return { index, value: value as object };
}

export interface TestService<T> {
  /** The service under test, built with its fakes. */
  sut: T;
  /** Every call made on a fake, in order. */
  calls: FakeCall[];
  /** The arguments of each call to `name` (`'VideosService.markFailed'`), in order. */
  callsTo(name: string): unknown[][];
  /** The names of the calls made, in order (optionally only those on one dependency, `'VideosService'`). */
  callNames(on?: string): string[];
}

/**
 * A "small" test's service: `new Service(...)` with every constructor parameter (read from the
 * decorator metadata Nest uses) replaced by the fake given for its class or token, or by an empty
 * fake that throws on any call (an `@Optional()` parameter without a fake stays undefined). Every
 * call on a fake is recorded, so the test asserts what the service did:
 * `callsTo('VideosService.markFailed')`. Like Immich's `newTestService`.
 *
 *   const { sut, callsTo } = newTestService(TranscodeJobHandler, { fakes: [fake(VideosService, { findById: async () => null })] });
 */
export function newTestService<T>(Service: new (...args: never[]) => T, options: { fakes?: Fake[] } = {}): TestService<T> {
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', Service) ?? [];
  const injected: { index: number; param: InjectionToken }[] = Reflect.getMetadata('self:paramtypes', Service) ?? [];
  const optional: number[] = Reflect.getMetadata('optional:paramtypes', Service) ?? [];
  const fakes = options.fakes ?? [];
  const calls: FakeCall[] = [];
  const used = new Set<Fake>();
  const args = Array.from({ length: Math.max(types.length, Service.length) }, (_, index) => {
    const token = (injected.find((p) => p.index === index)?.param ?? types[index]) as InjectionToken | undefined;
    const given = fakes.find((f) => f.index === index) ?? fakes.find((f) => f.index === undefined && f.token === token);
    if (given) used.add(given);
    else if (optional.includes(index)) return undefined; // @Optional() and not given: absent, as Nest leaves it
    const name =
      given?.token !== undefined
        ? tokenName(given.token)
        : token !== undefined && token !== Object
          ? tokenName(token)
          : `parameter ${index}`;
    return recorded(name, given?.value ?? {}, calls);
  });
  const unused = fakes.filter((f) => !used.has(f));
  if (unused.length) {
    const names = unused.map((f) => (f.index !== undefined ? `parameter ${f.index}` : tokenName(f.token!)));
    throw new Error(`${Service.name}'s constructor takes no ${names.join(', ')}: check the fakes given to newTestService`);
  }
  return {
    sut: new Service(...(args as never[])),
    calls,
    callsTo: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
    callNames: (on) => calls.map((c) => c.name).filter((n) => !on || n.startsWith(`${on}.`)),
  };
}

function tokenName(token: InjectionToken): string {
  if (typeof token === 'function') return token.name;
  return typeof token === 'symbol' ? (token.description ?? String(token)) : token;
}

/** Members every object is asked for by the runtime, not by the service (awaiting, printing). */
const QUIET = new Set<PropertyKey>(['then', 'toJSON', 'constructor', 'inspect', 'asymmetricMatch', 'nodeType']);

function recorded(name: string, value: object, calls: FakeCall[]): object {
  return new Proxy(value, {
    get(target, prop) {
      if (typeof prop === 'symbol' || QUIET.has(prop)) return Reflect.get(target, prop, target);
      if (!(prop in target)) {
        return (...args: unknown[]) => {
          calls.push({ name: `${name}.${prop}`, args });
          throw new Error(`${name}.${prop}() was called, but the test's fake ${name} has no ${prop}`);
        };
      }
      const member = Reflect.get(target, prop, target);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        calls.push({ name: `${name}.${prop}`, args });
        return member.apply(target, args);
      };
    },
  });
}
