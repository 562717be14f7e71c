import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/build.ts';

/**
 * The layer rules of eslint.config.js, proved on in-memory code: each case lints a few lines as
 * if they were a file at `file` (the path decides which zone applies; imports resolve against
 * the real files next to it) and lists the rules that fired. An empty list means allowed.
 */
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: repoRoot });
  // Loads the config and its plugins once, outside any one test's time.
  await eslint.lintText('export {};', { filePath: join(repoRoot, 'src/fixture.ts') });
}, 60_000);

// The first import of a layer walks its module graph for import-x/no-cycle: seconds, once.
const SLOW = { timeout: 30_000 };

async function firedRules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  if (!result) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal || m.ruleId === null);
  if (fatal.length > 0) throw new Error(`fixture does not lint: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.map((m) => m.ruleId ?? '').sort();
}

const PATHS = 'import-x/no-restricted-paths';
const IMPORTS = '@typescript-eslint/no-restricted-imports';
const GLOBALS = 'no-restricted-globals';
const PROPERTIES = 'no-restricted-properties';
const LOCKS = 'no-restricted-syntax';

interface Case {
  name: string;
  file: string;
  code: string;
  fires: string[];
}

const layerCases: Case[] = [
  // src/domain: only domain, and types from the zendesk index.
  {
    name: 'domain importing zaf',
    file: 'src/domain/fixture.ts',
    code: "import { isAdmin } from '../zaf/index.ts';\nexport const used = isAdmin;",
    fires: [PATHS],
  },
  {
    name: 'domain importing services',
    file: 'src/domain/audience/fixture.ts',
    code: "import { loadAccountFacts } from '../../services/audience/account-facts.ts';\nexport const used = loadAccountFacts;",
    fires: [PATHS],
  },
  {
    name: 'domain importing storage',
    file: 'src/domain/fixture.ts',
    code: "import { memoryStore } from '../storage/index.ts';\nexport const used = memoryStore;",
    fires: [PATHS],
  },
  {
    name: 'domain calling the Support API (a value import from zendesk)',
    file: 'src/domain/fixture.ts',
    code: "import { countSearch } from '../zendesk/index.ts';\nexport const used = countSearch;",
    fires: [IMPORTS],
  },
  {
    name: 'domain reaching past the zendesk index, even for a type',
    file: 'src/domain/fixture.ts',
    code: "import type { User } from '../zendesk/schemas/users.ts';\nexport type Used = User;",
    fires: [PATHS],
  },
  {
    name: 'domain importing React',
    file: 'src/domain/fixture.ts',
    code: "import { useState } from 'react';\nexport const used = useState;",
    fires: [IMPORTS],
  },
  {
    name: 'domain importing a type from the zendesk index',
    file: 'src/domain/fixture.ts',
    code: "import type { User } from '../zendesk/index.ts';\nexport type Used = User;",
    fires: [],
  },
  {
    name: 'domain importing domain',
    file: 'src/domain/compose/fixture.ts',
    code: "import { markerTag } from '../campaign/tags.ts';\nexport const used = markerTag;",
    fires: [],
  },
  // src/zendesk: the bottom layer.
  ...['../zaf/index.ts', '../ui/App.tsx', '../domain/campaign/tags.ts', '../storage/index.ts'].map((target): Case => ({
    name: `zendesk importing ${target}`,
    file: 'src/zendesk/fixture.ts',
    code: `import * as layer from '${target}';\nexport const used = layer;`,
    fires: target.endsWith('.tsx') ? [IMPORTS, PATHS] : [PATHS],
  })),
  {
    name: 'zendesk importing its services neighbour',
    file: 'src/zendesk/endpoints/fixture.ts',
    code: "import * as facts from '../../services/audience/account-facts.ts';\nexport const used = facts;",
    fires: [PATHS],
  },
  {
    name: 'zendesk importing zendesk',
    file: 'src/zendesk/endpoints/fixture.ts',
    code: "import { withQuery } from '../pagination.ts';\nexport const used = withQuery;",
    fires: [],
  },
  // src/zaf: the transport contract only.
  {
    name: 'zaf importing the zendesk index',
    file: 'src/zaf/fixture.ts',
    code: "import { SupportApiClient } from '../zendesk/index.ts';\nexport const used = SupportApiClient;",
    fires: [PATHS],
  },
  {
    name: 'zaf importing the transport contract',
    file: 'src/zaf/fixture.ts',
    code: "import { NetworkFailure, type Transport } from '../zendesk/transport.ts';\nexport const used: [unknown, Transport?] = [NetworkFailure];",
    fires: [],
  },
  // src/services: no UI, no ZAF.
  {
    name: 'services importing the UI',
    file: 'src/services/fixture.ts',
    code: "import { errorMessage } from '../ui/shared/error-message.ts';\nexport const used = errorMessage;",
    fires: [IMPORTS, PATHS],
  },
  {
    name: 'services importing zaf',
    file: 'src/services/audience/fixture.ts',
    code: "import { isAdmin } from '../../zaf/index.ts';\nexport const used = isAdmin;",
    fires: [PATHS],
  },
  {
    name: 'services importing the zendesk index and the domain',
    file: 'src/services/audience/fixture.ts',
    code: "import { countSearch } from '../../zendesk/index.ts';\nimport { markerTag } from '../../domain/campaign/tags.ts';\nexport const used = [countSearch, markerTag];",
    fires: [],
  },
  // src/storage: no UI, no services.
  {
    name: 'storage importing services',
    file: 'src/storage/fixture.ts',
    code: "import { loadAccountFacts } from '../services/audience/account-facts.ts';\nexport const used = loadAccountFacts;",
    fires: [PATHS],
  },
  {
    name: 'storage importing the UI store',
    file: 'src/storage/fixture.ts',
    code: "import { STEPS } from '../ui/store/campaign-store.ts';\nexport const used = STEPS;",
    fires: [IMPORTS, PATHS],
  },
  // src/ui: the zendesk index only, never the scheduler.
  {
    name: 'ui importing the scheduler',
    file: 'src/ui/home/fixture.ts',
    code: "import { RequestScheduler } from '../../zendesk/scheduler.ts';\nexport const used = RequestScheduler;",
    fires: [PATHS],
  },
  {
    name: 'ui importing a zendesk endpoint module',
    file: 'src/ui/fixture.ts',
    code: "import { countSearch } from '../zendesk/endpoints/search.ts';\nexport const used = countSearch;",
    fires: [PATHS],
  },
  {
    name: 'ui importing the zendesk index',
    file: 'src/ui/home/fixture.ts',
    code: "import { countSearch, ZAF_APP_RPM } from '../../zendesk/index.ts';\nexport const used = [countSearch, ZAF_APP_RPM];",
    fires: [],
  },
  // The app and the sandbox.
  {
    name: 'the app importing the sandbox',
    file: 'src/ui/fixture.ts',
    code: "import { createSimulator } from '../../sandbox/simulator/index.ts';\nexport const used = createSimulator;",
    fires: [IMPORTS],
  },
];

const ioCases: Case[] = [
  { name: 'ui calling fetch', file: 'src/ui/fixture.ts', code: "void fetch('/api/v2/users');", fires: [GLOBALS] },
  {
    name: 'ui calling window.fetch',
    file: 'src/ui/fixture.ts',
    code: "void window.fetch('/api/v2/users');",
    fires: [PROPERTIES],
  },
  {
    name: 'services opening an XMLHttpRequest',
    file: 'src/services/fixture.ts',
    code: 'export const request = new XMLHttpRequest();',
    fires: [GLOBALS],
  },
  {
    name: 'domain calling globalThis.fetch',
    file: 'src/domain/fixture.ts',
    code: "void globalThis.fetch('/x');",
    fires: [PROPERTIES],
  },
  {
    name: 'ui reading localStorage',
    file: 'src/ui/fixture.ts',
    code: "export const draft = localStorage.getItem('draft');",
    fires: [GLOBALS],
  },
  {
    name: 'zaf writing sessionStorage',
    file: 'src/zaf/fixture.ts',
    code: "window.sessionStorage.setItem('k', 'v');",
    fires: [PROPERTIES],
  },
  {
    name: 'ui taking a navigator lock',
    file: 'src/ui/fixture.ts',
    code: "void navigator.locks.request('send', async () => {});",
    fires: [LOCKS],
  },
  {
    name: 'services taking window.navigator.locks',
    file: 'src/services/fixture.ts',
    code: "void window.navigator.locks.request('send', async () => {});",
    fires: [LOCKS],
  },
  {
    name: 'the fetch transport calling fetch',
    file: 'src/zendesk/fetch-transport.ts',
    code: "void fetch('/api/v2/users');",
    fires: [],
  },
  {
    name: 'the fetch transport reading localStorage',
    file: 'src/zendesk/fetch-transport.ts',
    code: "export const token = localStorage.getItem('token');",
    fires: [GLOBALS],
  },
  {
    name: 'storage using localStorage, sessionStorage and navigator.locks',
    file: 'src/storage/fixture.ts',
    code: "localStorage.setItem('k', 'v');\nsessionStorage.clear();\nvoid navigator.locks.request('k', async () => {});",
    fires: [],
  },
  {
    name: 'storage calling fetch',
    file: 'src/storage/fixture.ts',
    code: "void fetch('/sync');",
    fires: [GLOBALS],
  },
  ...['sandbox/host/fixture.ts', 'scripts/fixture.ts', 'tests/e2e/fixture.ts', 'bench/fixture.ts'].map(
    (file): Case => ({
      name: `${file.split('/')[0]} using fetch and localStorage`,
      file,
      code: "void fetch('/__sandbox/reset');\nlocalStorage.clear();",
      fires: [],
    }),
  ),
];

describe('layer boundaries (import-x/no-restricted-paths, no-restricted-imports)', SLOW, () => {
  it.each(layerCases)('$name → $fires', async ({ file, code, fires }) => {
    expect(await firedRules(file, code)).toEqual(fires);
  });
});

describe('browser I/O only in its adapters (no-restricted-globals/-properties)', SLOW, () => {
  it.each(ioCases)('$name → $fires', async ({ file, code, fires }) => {
    expect(await firedRules(file, code)).toEqual(fires);
  });
});

describe('import cycles (import-x/no-cycle)', SLOW, () => {
  let dir: string;
  beforeAll(() => {
    // Real files: the rule follows imports on disk. Outside the repository, so no other tool sees them.
    dir = mkdtempSync(join(tmpdir(), 'lint-cycle-'));
    writeFileSync(join(dir, 'audience.ts'), "import { plan } from './plan.ts';\nexport const audience = () => plan;\n");
    writeFileSync(
      join(dir, 'plan.ts'),
      "import { audience } from './audience.ts';\nexport const plan = () => audience;\n",
    );
    writeFileSync(
      join(dir, 'types.ts'),
      "import type { Leaf } from './leaf.ts';\nexport type Root = { leaf: Leaf };\n",
    );
    writeFileSync(
      join(dir, 'leaf.ts'),
      "import type { Root } from './types.ts';\nexport type Leaf = { root?: Root };\n",
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const lintInDir = async (file: string) => {
    const cycleLint = new ESLint({ cwd: dir, overrideConfigFile: join(repoRoot, 'eslint.config.js') });
    const [result] = await cycleLint.lintFiles([join(dir, file)]);
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it('reports two modules that import each other', async () => {
    expect(await lintInDir('audience.ts')).toEqual(['import-x/no-cycle']);
  });

  it('lets type-only imports go both ways (they vanish at run time)', async () => {
    expect(await lintInDir('types.ts')).toEqual([]);
  });
});
