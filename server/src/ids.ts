import { v7 as uuidv7 } from 'uuid';

/** A new record id: a UUIDv7, as the stations make them (time-ordered, so indexes stay compact). */
export function newRecordId(): string {
  return uuidv7();
}
