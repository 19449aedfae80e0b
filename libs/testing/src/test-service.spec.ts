import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { fake, fakeAt, newTestService } from './test-service';

class Clock {
  now(): number {
    return Date.now();
  }
}

class Store {
  async get(key: string): Promise<string | null> {
    return key;
  }
  async put(_key: string, _value: string): Promise<void> {}
}

const QUEUE = Symbol('QUEUE');
interface Queue {
  add(id: string): Promise<void>;
}

@Injectable()
class Greeter {
  constructor(
    private readonly clock: Clock,
    private readonly store: Store,
    @Inject(QUEUE) private readonly queue: Queue,
  ) {}

  async greet(name: string): Promise<string> {
    const seen = await this.store.get(name);
    if (!seen) {
      await this.store.put(name, String(this.clock.now()));
      await this.queue.add(name);
    }
    return seen ? `welcome back, ${name}` : `hello, ${name}`;
  }
}

@Injectable()
class Auditor {
  constructor(
    private readonly store: Store,
    @Optional() private readonly clock?: Clock,
  ) {}

  async stamp(key: string): Promise<string> {
    const at = this.clock ? String(this.clock.now()) : 'no clock';
    await this.store.put(key, at);
    return at;
  }
}

describe('newTestService', () => {
  it('builds the service with the fake given for each constructor class and @Inject token, and records every call in order', async () => {
    const t = newTestService(Greeter, {
      fakes: [
        fake(Clock, { now: () => 42 }),
        fake(Store, { get: async () => null, put: async () => undefined }),
        fake<Queue>(QUEUE, { add: async () => undefined }),
      ],
    });
    assert.equal(await t.sut.greet('ada'), 'hello, ada');
    assert.deepEqual(t.callNames(), ['Store.get', 'Clock.now', 'Store.put', 'QUEUE.add']);
    assert.deepEqual(t.callsTo('Store.put'), [['ada', '42']]);
    assert.deepEqual(t.callNames('QUEUE'), ['QUEUE.add']);
    assert.deepEqual(t.calls[0], { name: 'Store.get', args: ['ada'] });
  });

  it('a dependency without a fake, or a fake without the member called, throws an error naming the call', async () => {
    const none = newTestService(Greeter, { fakes: [fake(Clock, { now: () => 1 }), fake(Store, { get: async () => null })] });
    await assert.rejects(none.sut.greet('ada'), /Store\.put\(\) was called, but the test's fake Store has no put/);
    const noClock = newTestService(Greeter, { fakes: [fake(Store, { get: async () => null, put: async () => undefined })] });
    await assert.rejects(noClock.sut.greet('ada'), /Clock\.now\(\) was called/);
    assert.deepEqual(noClock.callNames(), ['Store.get', 'Clock.now']);
  });

  it('a fake for a parameter the constructor does not take is refused (a renamed dependency does not pass silently)', () => {
    class Unused {}
    assert.throws(() => newTestService(Greeter, { fakes: [fake(Unused, {})] }), /Greeter's constructor takes no Unused/);
  });

  it('fakeAt stands in for a parameter by position, and values (not functions) are read as they are', async () => {
    const t = newTestService(Greeter, {
      fakes: [fakeAt<Clock>(0, { now: () => 7 }), fake(Store, { get: async () => 'x', put: async () => undefined })],
    });
    assert.equal(await t.sut.greet('bob'), 'welcome back, bob');
    assert.deepEqual(t.callNames(), ['Store.get']);
    const n = newTestService(Greeter, {
      fakes: [
        fakeAt<Clock>(0, { now: () => 7 }),
        fake(Store, { get: async () => null, put: async () => undefined }),
        fake<Queue>(QUEUE, { add: async () => undefined }),
      ],
    });
    await n.sut.greet('cy');
    assert.deepEqual(n.callsTo('Clock.now'), [[]]);
    assert.deepEqual(n.callsTo('Store.put'), [['cy', '7']]);
  });

  it('an @Optional() parameter without a fake is left undefined, as Nest leaves it; with one it is used', async () => {
    const without = newTestService(Auditor, { fakes: [fake(Store, { put: async () => undefined })] });
    assert.equal(await without.sut.stamp('k'), 'no clock');
    const withClock = newTestService(Auditor, { fakes: [fake(Store, { put: async () => undefined }), fake(Clock, { now: () => 5 })] });
    assert.equal(await withClock.sut.stamp('k'), '5');
    assert.deepEqual(withClock.callNames(), ['Clock.now', 'Store.put']);
  });
});
