import type { ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createStationCore, type StationCore } from '../../renderer/src/core';
import { setUpGeneratedStation } from '../../renderer/src/core/testing/queueStation';
import { IntakeScreen } from '../../renderer/src/intake/IntakeScreen';
import { benchTechnician, renderInStation, stationDatabase } from './stationScreen';

/**
 * What a keystroke in the intake form renders again, in Chromium over a real station: each
 * section's component is wrapped so that every run of its function is counted (a memoised
 * section that React skips is not run, so it is not counted).
 */

const renders = vi.hoisted(() => new Map<string, number>());

/** `module`'s component `name`, counting its renders in {@link renders}. */
const counted = vi.hoisted(
  () =>
    async <Module extends Record<string, unknown>>(module: Module, name: keyof Module & string) => {
      const { memo } = await import('react');
      const counting =
        <Props extends object>(render: (props: Props) => unknown) =>
        (props: Props) => {
          renders.set(name, (renders.get(name) ?? 0) + 1);
          return render(props);
        };
      const component = module[name] as
        | ((props: object) => unknown)
        | { type: (props: object) => unknown; compare?: null | (() => boolean) };
      return {
        ...module,
        [name]:
          typeof component === 'function'
            ? counting(component)
            : memo(counting(component.type) as ComponentType, component.compare ?? undefined),
      };
    },
);

vi.mock(import('../../renderer/src/intake/CustomerSection'), async (original) =>
  counted(await original(), 'CustomerSection'),
);
vi.mock(import('../../renderer/src/intake/DeviceSection'), async (original) =>
  counted(await original(), 'DeviceSection'),
);
vi.mock(import('../../renderer/src/intake/PurchaseSection'), async (original) =>
  counted(await original(), 'PurchaseSection'),
);
vi.mock(import('../../renderer/src/intake/ClaimSection'), async (original) =>
  counted(await original(), 'ClaimSection'),
);
vi.mock(import('../../renderer/src/intake/EvidenceSection'), async (original) =>
  counted(await original(), 'EvidenceSection'),
);

const totalRenders = () => [...renders.values()].reduce((sum, count) => sum + count, 0);

/** Counts the reads of `core` not answered yet, to wait for a screen's first reads. */
function countUnansweredReads(core: StationCore): () => number {
  let unanswered = 0;
  for (const [name, read] of Object.entries(core.queries)) {
    Object.assign(core.queries, {
      [name]: async (...args: unknown[]) => {
        unanswered += 1;
        try {
          return await Reflect.apply(read, core.queries, args);
        } finally {
          unanswered -= 1;
        }
      },
    });
  }
  return () => unanswered;
}

/**
 * The intake screen over a generated station, once its first reads are answered and nothing
 * renders any more, with the renders counted from then on.
 */
async function settledIntakeScreen(): Promise<void> {
  const db = stationDatabase();
  await setUpGeneratedStation(db);
  const core = createStationCore(db);
  const unansweredReads = countUnansweredReads(core);
  await renderInStation(core, <IntakeScreen />, { benchPerson: benchTechnician });
  await expect
    .element(page.getByRole('form', { name: 'New claim' }).getByLabelText('Name'))
    .toBeVisible();
  // The sections' first reads (the customers, the files) render them again once answered.
  let rendersBefore = -1;
  await expect
    .poll(() => {
      const settled = unansweredReads() === 0 && totalRenders() === rendersBefore;
      rendersBefore = totalRenders();
      return settled;
    })
    .toBe(true);
  renders.clear();
}

/** How many times each of `sections` rendered since the count was last cleared. */
const rendersOf = (sections: readonly string[]) =>
  Object.fromEntries(sections.map((section) => [section, renders.get(section) ?? 0]));

describe('typing into the intake form', () => {
  it('renders none of the other sections again while the customer’s name is typed', async () => {
    await settledIntakeScreen();
    const name = page.getByRole('form', { name: 'New claim' }).getByLabelText('Name');

    await userEvent.type(name, 'Budi Santoso Wijaya.');
    await expect.element(name).toHaveValue('Budi Santoso Wijaya.');

    const others = ['DeviceSection', 'PurchaseSection', 'ClaimSection', 'EvidenceSection'];
    expect(rendersOf(others)).toEqual(Object.fromEntries(others.map((section) => [section, 0])));
  });
});

describe('attaching files to the intake form', () => {
  it('renders only the evidence section again', async () => {
    await settledIntakeScreen();
    const files = [1, 2].map(
      (photo) =>
        new File([`photo ${photo} `.repeat(1_000)], `photo-${photo}.jpg`, { type: 'image/jpeg' }),
    );
    const input = document.querySelector('#intake-evidence input[type=file]');
    if (input === null) throw new Error('the intake form has no file input');

    await userEvent.upload(page.elementLocator(input), files);
    const attached = page.getByRole('list', { name: 'Attached files' }).getByRole('listitem');
    await expect.poll(() => attached.elements().length).toBe(2);

    // Listing the files gives the form new (equal) errors: the sections that show errors must not
    // take that for a change.
    const others = ['CustomerSection', 'DeviceSection', 'PurchaseSection', 'ClaimSection'];
    expect(rendersOf(others)).toEqual(Object.fromEntries(others.map((section) => [section, 0])));
    expect(renders.get('EvidenceSection')).toBeGreaterThan(0);
  });
});
