import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createStationCore, type StationCore } from '../../renderer/src/core';
import { restoreQueueStation } from '../../renderer/src/core/testing/queueStation';
import { ReceivingPanel } from '../../renderer/src/warehouse/ReceivingPanel';
import { useReceiving } from '../../renderer/src/warehouse/useReceiving';
import { benchTechnician, renderInStation, stationDatabase } from './stationScreen';

/**
 * The receiving desk's panel in Chromium over a real station: which claims it expects a parcel
 * for and what it says of the others, where the next scan goes, and when Receive is on.
 */

/** The desk as the warehouse screen wires it, on the receiving tab. */
function ReceivingDesk() {
  const desk = useReceiving();
  return <ReceivingPanel desk={desk} active />;
}

/**
 * A station whose claims JKT1-000001… cycle through the workflow: 000001 in intake, 000002
 * awaiting authorization, 000003 authorized, 000004 received, …, 000007 closed.
 */
async function stationWithClaims(): Promise<{
  core: StationCore;
  serialOf: (rma: string) => Promise<string>;
}> {
  const db = stationDatabase();
  await restoreQueueStation(db, 7);
  const serialOf = async (rmaNumber: string) => {
    const claim = await db.claims.where('rmaNumber').equals(rmaNumber).first();
    const device = claim === undefined ? undefined : await db.devices.get(claim.deviceId);
    if (device?.serial === undefined) throw new Error(`no device with a serial for ${rmaNumber}`);
    return device.serial;
  };
  return { core: createStationCore(db), serialOf };
}

const rmaField = () => page.getByLabelText('RMA number');
const serialField = () => page.getByLabelText('Serial or IMEI on the device');
const receive = () => page.getByRole('button', { name: /^Receive/ });

async function lookUp(rmaNumber: string): Promise<void> {
  await userEvent.fill(rmaField(), rmaNumber);
  await userEvent.keyboard('{Enter}');
}

describe('the receiving panel', () => {
  it.each([
    ['RMA-JKT1-000001', /RMA-JKT1-000001 is in status Intake: it was not authorized/],
    ['RMA-JKT1-000004', /RMA-JKT1-000004 is already at the center \(status Received\)/],
    ['RMA-JKT1-000007', /RMA-JKT1-000007 is in status Closed: no parcel is expected for it/],
  ])('says why no parcel is expected for %s, and offers no Receive', async (rmaNumber, message) => {
    const { core } = await stationWithClaims();
    await renderInStation(core, <ReceivingDesk />, { benchPerson: benchTechnician });
    await lookUp(rmaNumber);
    await expect.element(page.getByText(message)).toBeVisible();
    expect(receive().elements()).toEqual([]);
    expect(serialField().elements()).toEqual([]);
  });

  it('takes the serial next, and turns Receive on only once the item and its content pass', async () => {
    const { core, serialOf } = await stationWithClaims();
    const serial = await serialOf('RMA-JKT1-000003');
    await renderInStation(core, <ReceivingDesk />, { benchPerson: benchTechnician });
    await expect.element(rmaField()).toHaveFocus();
    await lookUp('RMA-JKT1-000003');
    await expect.element(serialField()).toHaveFocus();
    await expect.element(receive()).toBeDisabled();
    await expect
      .element(page.getByText('Receive is possible once all three checks have passed.'))
      .toBeVisible();

    await userEvent.fill(serialField(), serial);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText(`${serial} is the claimed device.`)).toBeVisible();
    await expect.element(receive()).toBeDisabled();

    await userEvent.click(page.getByLabelText('The parcel holds the device'));
    await expect.element(receive()).toBeEnabled();
    expect(
      page.getByText('Receive is possible once all three checks have passed.').elements(),
    ).toEqual([]);
  });

  it('keeps Receive off while nobody is at the bench, though every check passed', async () => {
    const { core, serialOf } = await stationWithClaims();
    const serial = await serialOf('RMA-JKT1-000003');
    await renderInStation(core, <ReceivingDesk />);
    await lookUp('RMA-JKT1-000003');
    await userEvent.fill(serialField(), serial);
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByLabelText('The parcel holds the device'));
    await expect.element(page.getByText(`${serial} is the claimed device.`)).toBeVisible();
    expect(
      page.getByText('Receive is possible once all three checks have passed.').elements(),
    ).toEqual([]);
    await expect.element(receive()).toBeDisabled();
  });
});
