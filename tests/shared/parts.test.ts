import { expect } from '@open-wc/testing';
import { lazyPart, partFailedText, PartsController, preparingText } from '../../src/shared/parts.js';
import { initLocalization } from '../../src/shared/locale.js';

interface Module {
  readonly name: string;
}

/** An importer whose every call waits for `resolve` or `reject` of that call. */
function controlledImporter() {
  const calls: Array<{ resolve: (module: Module) => void; reject: (error: Error) => void }> = [];
  const importer = () => new Promise<Module>((resolve, reject) => calls.push({ resolve, reject }));
  return { importer, calls };
}

/** A host that counts the updates it was asked for. */
function host(): { updates: number; requestUpdate(): void } {
  return {
    updates: 0,
    requestUpdate() {
      this.updates++;
    },
  };
}

describe('lazyPart', () => {
  it('loads once: every caller, before and after, gets the same module; loaded gives it at once', async () => {
    const { importer, calls } = controlledImporter();
    const part = lazyPart(importer);
    expect(part.loaded).to.equal(undefined);
    expect(calls).to.have.length(0); // nothing is loaded before it is asked for
    const first = part.load();
    const second = part.load();
    expect(calls).to.have.length(1);
    const module = { name: 'export' };
    calls[0]!.resolve(module);
    expect(await first).to.equal(module);
    expect(await second).to.equal(module);
    expect(part.loaded).to.equal(module);
    expect(await part.load()).to.equal(module);
    expect(calls).to.have.length(1);
  });

  it('a failed load is forgotten: the next call tries again', async () => {
    const { importer, calls } = controlledImporter();
    const part = lazyPart(importer);
    const failed = part.load();
    calls[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    let error: unknown;
    try {
      await failed;
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(part.loaded).to.equal(undefined);
    const retry = part.load();
    expect(calls).to.have.length(2);
    calls[1]!.resolve({ name: 'export' });
    expect((await retry).name).to.equal('export');
    expect(part.loaded?.name).to.equal('export');
  });

  it('useImporter (a test seam) loads through another importer, as if never loaded; its restore puts the real one back', async () => {
    const part = lazyPart(async () => ({ name: 'real' }));
    expect((await part.load()).name).to.equal('real');
    const restore = part.useImporter(() => Promise.reject(new Error('offline')));
    expect(part.loaded).to.equal(undefined);
    let failed = false;
    await part.load().catch(() => (failed = true));
    expect(failed).to.equal(true);
    restore();
    expect(part.loaded).to.equal(undefined);
    expect((await part.load()).name).to.equal('real');
  });

  it('a load still running when the importer is replaced is not remembered', async () => {
    const { importer, calls } = controlledImporter();
    const part = lazyPart(importer);
    const stale = part.load();
    const restore = part.useImporter(async () => ({ name: 'replacement' }));
    calls[0]!.resolve({ name: 'stale' });
    expect((await stale).name).to.equal('stale');
    expect(part.loaded).to.equal(undefined);
    expect((await part.load()).name).to.equal('replacement');
    restore();
  });
});

describe('PartsController', () => {
  before(async () => {
    await initLocalization('es');
  });

  it('a loaded part runs the action at once (synchronously), not busy', async () => {
    const part = lazyPart(async () => ({ name: 'print' }));
    await part.load();
    const h = host();
    const parts = new PartsController(h);
    let ran = '';
    const done = parts.run('print', part, (module) => (ran = module.name));
    expect(ran).to.equal('print'); // before the promise settles
    expect(parts.busy('print')).to.equal(false);
    expect(await done).to.equal('print');
    expect(h.updates).to.equal(0);
  });

  it('while the part loads the action is busy and a second click asks for nothing; then it runs', async () => {
    const { importer, calls } = controlledImporter();
    const part = lazyPart(importer);
    const h = host();
    const parts = new PartsController(h);
    const ran: string[] = [];
    const first = parts.run('csv', part, (module) => ran.push(module.name));
    expect(parts.busy('csv')).to.equal(true);
    expect(parts.busy('json')).to.equal(false);
    expect(h.updates).to.equal(1);
    expect(await parts.run('csv', part, (module) => ran.push(`again ${module.name}`))).to.equal(undefined);
    expect(calls).to.have.length(1);
    calls[0]!.resolve({ name: 'export' });
    expect(await first).to.equal(1);
    expect(ran).to.deep.equal(['export']);
    expect(parts.busy('csv')).to.equal(false);
    expect(parts.failed).to.equal(undefined);
    expect(h.updates).to.equal(2);
  });

  it('a part that cannot be loaded: the action is not run, the failure is named, the next run retries and clears it', async () => {
    const { importer, calls } = controlledImporter();
    const part = lazyPart(importer);
    const h = host();
    const parts = new PartsController(h);
    const ran: string[] = [];
    const warn = console.warn;
    console.warn = () => {};
    try {
      const attempt = parts.run('fill:rent', part, (module) => ran.push(module.name));
      calls[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
      expect(await attempt).to.equal(undefined);
    } finally {
      console.warn = warn;
    }
    expect(ran).to.deep.equal([]);
    expect(parts.failed).to.equal('fill:rent');
    expect(parts.busy('fill:rent')).to.equal(false);
    const retry = parts.run('fill:rent', part, (module) => ran.push(module.name));
    expect(parts.failed).to.equal(undefined); // the message goes while it tries again
    expect(parts.busy('fill:rent')).to.equal(true);
    calls[1]!.resolve({ name: 'tools' });
    await retry;
    expect(ran).to.deep.equal(['tools']);
    parts.dismiss();
    expect(parts.failed).to.equal(undefined);
  });

  it('says "Preparing…" and what failed in the page language', () => {
    expect(preparingText()).to.equal('Preparando…');
    expect(partFailedText()).to.equal(
      'No se pudo cargar esta parte de la herramienta. Revise su conexión e intente de nuevo: no se perdió nada de lo que escribió.',
    );
  });
});
