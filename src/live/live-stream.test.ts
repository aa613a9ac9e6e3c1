import { LocalEventBus } from '../bus/event-bus';
import { LiveEvent } from '../bus/live-event';
import { liveStream } from './live-stream';

const live = (seq: number): LiveEvent => ({ kind: 'post.live', seq: String(seq), postId: `p${seq}`, at: '' });

describe('liveStream', () => {
  it('hands each event on once, in order, even when the bus repeats one (delivery is at least once)', async () => {
    const bus = new LocalEventBus();
    const stream = liveStream(bus, 'post.live', async (event) => event.seq);
    for (const seq of [1, 2, 2, 1, 3]) await bus.publish(live(seq));
    expect([(await stream.next()).value, (await stream.next()).value, (await stream.next()).value]).toEqual([
      '1',
      '2',
      '3',
    ]);
    await stream.return!();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('stops listening when reading an event fails, so a failed subscription leaves nothing behind', async () => {
    const bus = new LocalEventBus();
    let listening = 0;
    const listen = bus.listen.bind(bus);
    bus.listen = (listener) => {
      listening += 1;
      const stop = listen(listener);
      return () => {
        listening -= 1;
        stop();
      };
    };
    const stream = liveStream(bus, 'post.live', async () => {
      throw new Error('database away');
    });
    expect(listening).toBe(1);
    await bus.publish(live(1));
    await expect(stream.next()).rejects.toThrow('database away');
    expect(listening).toBe(0);
  });
});
