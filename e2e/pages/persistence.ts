import { expect, type Locator, type Page } from '@playwright/test';

/** A file handed to a file chooser from memory. */
export interface MemoryFile {
  readonly name: string;
  readonly text: string;
}

/**
 * What the page keeps in this browser, as a person reaches it: "Open scenario file…" and
 * "Your scenarios" in the Lessons menu (Play, Play as walkthrough, Delete), the message
 * that opening a file gave, the "Saved data" dialog, and the resume notice.
 */
export class PersistencePage {
  readonly lessonsButton: Locator;
  readonly lessonsMenu: Locator;
  readonly openScenario: Locator;
  /** What opening a scenario file gave (kept, or refused with where and what). */
  readonly importStatus: Locator;
  readonly importError: Locator;
  readonly savedDataButton: Locator;
  readonly dialog: Locator;
  readonly resumeNotice: Locator;
  readonly startAfresh: Locator;

  constructor(readonly page: Page) {
    this.lessonsButton = page.getByRole('button', { name: 'Lessons', exact: true });
    this.lessonsMenu = page.getByRole('menu', { name: 'Lessons' });
    this.openScenario = this.lessonsMenu.getByRole('menuitem', { name: 'Open scenario file…' });
    const picker = page.locator('.lesson-picker');
    this.importStatus = picker.getByRole('status');
    this.importError = picker.getByRole('alert');
    this.savedDataButton = page.getByRole('button', { name: 'Saved data', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Saved data' });
    this.resumeNotice = page.getByRole('status').filter({ hasText: /^Resumed your run at / });
    this.startAfresh = page.getByRole('button', { name: 'Start afresh' });
  }

  /** Opens the Lessons menu (if closed). */
  async openLessons(): Promise<void> {
    if (!(await this.lessonsMenu.isVisible())) await this.lessonsButton.click();
    await expect(this.lessonsMenu).toBeVisible();
  }

  /** Chooses files through "Open scenario file…" in the Lessons menu, as the file chooser would give them. */
  async openScenarioFiles(files: readonly MemoryFile[]): Promise<void> {
    await this.openLessons();
    const chooser = this.page.waitForEvent('filechooser');
    await this.openScenario.click();
    await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: f.name.endsWith('.json') ? 'application/json' : 'application/xml', buffer: Buffer.from(f.text) })));
  }

  /** A kept scenario's menu item: `Play storm`, `Play storm as walkthrough`, `Delete storm`. */
  scenarioItem(name: string): Locator {
    return this.lessonsMenu.getByRole('menuitem', { name, exact: true });
  }

  /** Opens the Lessons menu and chooses a kept scenario's item. */
  async scenario(item: string): Promise<void> {
    await this.openLessons();
    await this.scenarioItem(item).click();
    await expect(this.lessonsMenu).toBeHidden();
  }

  async openSavedData(): Promise<void> {
    await this.savedDataButton.click();
    await expect(this.dialog).toBeVisible();
  }

  /** A list of the Saved data dialog: "Edited service model files", "Your scenarios", "Saved runs". */
  list(name: string): Locator {
    return this.dialog.getByRole('list', { name });
  }

  clear(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }
}

/** Reads a value the page keeps in IndexedDB (database fabric-lab), or undefined. */
export async function keptValue(page: Page, store: 'servicemodel' | 'scenarios' | 'runs', key: string): Promise<unknown> {
  return page.evaluate(
    ([s, k]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('fabric-lab');
        // no database yet: do not create one (the page creates it with its stores)
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(undefined) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(s)) {
            db.close();
            resolve(undefined);
            return;
          }
          const req = db.transaction(s, 'readonly').objectStore(s).get(k);
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [store, key] as const,
  );
}

/**
 * Waits until the Service model panel's files, as kept in IndexedDB and written as JSON
 * text, contain `marker` (so a quote in the files is `\"` in the marker). The panel
 * writes them 300 ms after the last change. It takes the place of waiting on
 * localStorage's `fabric-lab:servicemodel:files`, which earlier versions wrote.
 */
export async function waitForKeptFiles(page: Page, marker: string): Promise<void> {
  await expect.poll(async () => JSON.stringify((await keptValue(page, 'servicemodel', 'files')) ?? null)).toContain(marker);
}
