const kB = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} kB` : '–');
const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '–');
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function table(title, head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ');
  return [
    `\n${title}`,
    line(head),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

/** One readable table per part, then the budget checks. */
export function render(results, checks) {
  const out = [];
  const { meta, size, load, scale, mock, usable, interactions, lighthouse } = results;
  out.push(
    `Nimbus Console benchmark — ${meta.date} — ${meta.machine} — ${meta.chromium} — medians of ${meta.runs} runs`,
  );
  if (size) {
    const a = size.app,
      r = size.react,
      m = size.mantine;
    out.push(
      table(
        'Size (gzip)',
        ['', 'app', 'React floor', 'Mantine page', 'app/React', 'app/Mantine'],
        [
          [
            'first page JS',
            kB(a.firstPage.js.median),
            kB(r.firstPage.js.median),
            kB(m.firstPage.js.median),
            x(size.ratios.firstPageJsVsReact),
            x(size.ratios.firstPageJsVsMantine),
          ],
          [
            '  JS preloaded after the data showed',
            kB(a.firstPage.jsAfterData?.median ?? NaN),
            '',
            '',
            '',
            '',
          ],
          [
            '  JS until the network was idle',
            kB(a.firstPage.jsUntilIdle?.median ?? NaN),
            '',
            '',
            x((a.firstPage.jsUntilIdle?.median ?? NaN) / r.firstPage.js.median),
            '',
          ],
          [
            'first page CSS',
            kB(a.firstPage.css.median),
            kB(r.firstPage.css.median),
            kB(m.firstPage.css.median),
            '',
            x(size.ratios.firstPageCssVsMantine),
          ],
          [
            'all of dist',
            kB(a.dist.all),
            kB(r.dist.all),
            kB(m.dist.all),
            x(size.ratios.distVsReact),
            x(size.ratios.distVsMantine),
          ],
          ['  of which JS', kB(a.dist.js), kB(r.dist.js), kB(m.dist.js), '', ''],
          ['  of which CSS', kB(a.dist.css), kB(r.dist.css), kB(m.dist.css), '', ''],
        ],
      ),
    );
  }
  if (load) {
    const rows = [];
    for (const [page, v] of Object.entries(load.pages)) {
      const rr = load.ratios[page];
      rows.push([
        page,
        ms(v.lcp.median),
        rr ? x(rr.lcp) : '',
        ms(v.tti.median),
        rr ? x(rr.tti) : '',
        ms(v.fcp.median),
      ]);
    }
    out.push(
      table(
        `Load (cold cache, CPU ${load.cpuThrottle}× slower)`,
        ['', 'LCP', 'vs Mantine', 'TTI', 'vs Mantine', 'FCP'],
        rows,
      ),
    );
  }
  if (usable) {
    const rows = Object.entries(usable.pages).map(([page, u]) => [
      page,
      ms(u.app.data.median),
      ms(u.app.usable.median),
      ms(u.floor.usable.median),
      x(u.ratio),
      ms(u.app.longestTask.max),
      String(u.app.lostClicks),
    ]);
    out.push(
      table(
        `Time to usable (cold cache, CPU ${usable.cpuThrottle}× slower, API latency ${meta.apiLatencyMs?.loadAndSize ?? 0} ms)`,
        ['', 'app data', 'app usable', 'floor usable', 'app/floor', 'longest task', 'lost clicks'],
        rows,
      ),
    );
  }
  if (interactions) {
    const rows = Object.entries(interactions.pages).flatMap(([page, p]) => [
      ...Object.entries(p.interactions).map(([name, i]) => [
        `${name} (${page})`,
        ms(i.p75),
        ms(Math.max(...i.runs)),
      ]),
      [`longest task while interacting (${page})`, '', ms(p.longestTask.max)],
    ]);
    out.push(
      table(
        `Interactions (event to the paint that shows it; ${interactions.runs} page views each, CPU ${interactions.cpuThrottle}× slower)`,
        ['', 'p75', 'max'],
        rows,
      ),
    );
  }
  if (lighthouse) {
    const rows = Object.entries(lighthouse.pages).map(([page, l]) => [
      page,
      Number.isFinite(l.performance.min) ? `${l.performance.min.toFixed(0)}` : '–',
      Number.isFinite(l.performance.median) ? `${l.performance.median.toFixed(0)}` : '–',
      Number.isFinite(l.cls.max) ? l.cls.max.toFixed(3) : '–',
      ms(l.tbt.max),
      ms(l.lcp.max),
      ms(l.tti.max),
    ]);
    out.push(
      table(
        `Lighthouse 12, ${lighthouse.formFactor}, ${lighthouse.runs} runs per page (worst of the runs)`,
        ['', 'performance', '(median)', 'CLS', 'TBT', 'LCP', 'TTI'],
        rows,
      ),
    );
  }
  if (scale) {
    const sizes = Object.keys(scale.sizes);
    const rows = scale.figures.map((f) => [
      f.label,
      ...sizes.map((s) =>
        (f.unit === 'bytes' ? mb : f.unit === 'count' ? String : ms)(scale.sizes[s][f.key].median),
      ),
      x(scale.ratios[f.key] ?? scale.shown?.[f.key]),
    ]);
    out.push(
      table(
        'Scale (User security settings of Initech)',
        ['', ...sizes.map((s) => `${s} users`), '100k/1k'],
        rows,
      ),
    );
  }
  if (mock) {
    out.push(
      table(
        'Mock server, list request at 100,000 users',
        ['', 'median', 'p95', 'first', 'requests'],
        [
          [
            'GET /orgs/initech/members',
            `${mock.median.toFixed(1)} ms`,
            `${mock.p95.toFixed(1)} ms`,
            `${mock.first.toFixed(1)} ms`,
            String(mock.requests),
          ],
        ],
      ),
    );
  }
  out.push(
    table(
      'Budgets',
      ['', 'figure', 'result'],
      checks.map((c) => [c.name, c.shown, c.pass ? 'pass' : 'FAIL']),
    ),
  );
  return out.join('\n');
}
