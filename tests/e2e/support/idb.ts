/** Reads what the app stored in IndexedDB, to compare the data before and after an action; and
 * makes its writes fail, as a full disk would. */
import { Page } from '@playwright/test';

/** Every record of the app's stores, as sorted JSON text. */
export async function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('diagnostic-transfrontalier');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const dump: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      dump[name] = await new Promise((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return JSON.stringify(dump);
  });
}

/** The stored diagnostics. */
export async function storedDiagnostics(page: Page): Promise<Array<Record<string, any>>> {
  return JSON.parse(await dumpStorage(page)).diagnostics ?? [];
}

/** Makes every IndexedDB write of the page fail from now on, as a full disk would. */
export async function failEveryCommit(page: Page): Promise<void> {
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}
