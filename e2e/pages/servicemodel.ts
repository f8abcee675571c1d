import { expect, type Locator, type Page } from '@playwright/test';

export type ServiceFile = 'csdef' | 'cscfg';

const FILE_NAMES: Readonly<Record<ServiceFile, string>> = {
  csdef: 'ServiceDefinition.csdef',
  cscfg: 'ServiceConfiguration.cscfg',
};

/** The Service model panel as a person uses it: a sample, two editors, the diagnostics and Deploy. */
export class ServiceModelPage {
  readonly region: Locator;
  readonly sample: Locator;
  readonly counts: Locator;
  readonly diagnostics: Locator;
  readonly deployProduction: Locator;
  readonly deployStaging: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Service model' });
    this.sample = this.region.getByRole('combobox', { name: 'Sample' });
    this.counts = this.region.getByRole('status').filter({ hasText: /^\d+ errors?, \d+ warnings?$/ });
    this.diagnostics = this.region.getByRole('list', { name: 'Errors and warnings' });
    this.deployProduction = this.region.getByRole('button', { name: 'Deploy to production' });
    this.deployStaging = this.region.getByRole('button', { name: 'Deploy to staging' });
  }

  tab(file: ServiceFile): Locator {
    return this.region.getByRole('tab', { name: new RegExp(`^${FILE_NAMES[file].replace('.', '\\.')}`) });
  }

  /** The editable content of a file's editor (CodeMirror's content element). */
  editor(file: ServiceFile): Locator {
    return this.region.getByRole('textbox', { name: `${FILE_NAMES[file]} editor` });
  }

  /** The inline error markers in a file's editor. */
  errorMarkers(file: ServiceFile): Locator {
    return this.editor(file).locator('.cm-lintRange-error');
  }

  /** A row of the diagnostics list, by (part of) its text: "Error FILE:LINE:COL MESSAGE". */
  diagnostic(text: string | RegExp): Locator {
    return this.diagnostics.getByRole('button', { name: text });
  }

  /** Picks a sample; confirms the replacement when the files were edited. */
  async pickSample(name: string): Promise<void> {
    await this.sample.selectOption(name);
    const replace = this.region.getByRole('button', { name: 'Replace files' });
    if (await replace.isVisible()) await replace.click();
    await expect(this.sample).toHaveValue(name);
  }

  /** Opens a file's tab, clicks into its editor and puts the cursor at the end of a line, from the keyboard. */
  async endOfLine(file: ServiceFile, line: number): Promise<void> {
    await this.tab(file).click();
    await this.editor(file).click();
    await expect(this.editor(file)).toBeFocused();
    await this.page.keyboard.press('ControlOrMeta+Home');
    for (let i = 1; i < line; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('End');
  }
}
