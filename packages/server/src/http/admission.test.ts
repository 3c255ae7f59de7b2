import { describe, expect, it } from 'vitest';
import { Admission } from './admission.ts';

describe('Admission: at most `limit` requests at once, the rest in arrival order', () => {
  it('lets the first `limit` in, queues the rest, and passes each freed slot to the next in line', async () => {
    const door = new Admission(2);
    const order: number[] = [];
    const leaves: (() => void)[] = [];
    const arrive = (n: number) =>
      door.enter().then((leave) => {
        order.push(n);
        leaves[n] = leave;
      });
    const all = [1, 2, 3, 4].map(arrive);
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual([1, 2]);
    expect([door.active, door.waiting]).toEqual([2, 2]);
    leaves[2]!();
    leaves[2]!(); // leaving twice frees one slot only
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual([1, 2, 3]);
    expect([door.active, door.waiting]).toEqual([2, 1]);
    leaves[1]!();
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3, 4]);
    leaves[3]!();
    leaves[4]!();
    expect([door.active, door.waiting]).toEqual([0, 0]);
  });
});
