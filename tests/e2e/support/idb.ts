/** Reads what the app stored in IndexedDB, to compare the data before and after an action. */
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
