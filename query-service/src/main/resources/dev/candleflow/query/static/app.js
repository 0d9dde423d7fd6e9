// candleflow dashboard: history from /v1/candles, then live candles from /v1/stream/candles
// (Server-Sent Events read with fetch, so an API key header works too), prices, outliers and
// feed health polled. No framework, no network access beyond this origin.
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const state = { symbol: null, venue: null, interval: "1m", catalog: [], lastBar: null, stream: null, live: 0, lastEventId: null, generation: 0 };
  const LC = window.LightweightCharts;

  // ---- theme -------------------------------------------------------------------------------
  const savedTheme = localStorage.getItem("cf_theme");
  const prefersLight = window.matchMedia && window.matchMedia("(prefers-color-scheme: light)").matches;
  document.documentElement.dataset.theme = savedTheme || (prefersLight ? "light" : "dark");
  const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

  // ---- chart -------------------------------------------------------------------------------
  const chart = LC.createChart($("chart"), {
    autoSize: true,
    layout: { background: { type: "solid", color: "transparent" }, textColor: css("--muted"), fontFamily: getComputedStyle(body).fontFamily },
    grid: { vertLines: { color: css("--grid") }, horzLines: { color: css("--grid") } },
    rightPriceScale: { borderVisible: false },
    timeScale: { borderVisible: false, timeVisible: true, secondsVisible: false, rightOffset: 4 },
    crosshair: { mode: LC.CrosshairMode ? LC.CrosshairMode.Normal : 0 },
  });
  const candles = chart.addSeries(LC.CandlestickSeries, { borderVisible: false });
  const volume = chart.addSeries(LC.HistogramSeries, { priceFormat: { type: "volume" }, priceScaleId: "", lastValueVisible: false, priceLineVisible: false });
  volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.25 } });

  function applyTheme() {
    const up = css("--up"), down = css("--down");
    chart.applyOptions({ layout: { textColor: css("--muted") }, grid: { vertLines: { color: css("--grid") }, horzLines: { color: css("--grid") } } });
    candles.applyOptions({ upColor: up, downColor: down, wickUpColor: up, wickDownColor: down });
    state.upVol = up + "66"; state.downVol = down + "66";
  }
  applyTheme();
  $("theme").addEventListener("click", () => {
    const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    localStorage.setItem("cf_theme", next);
    applyTheme();
    reloadHistory();
  });

  // ---- API ---------------------------------------------------------------------------------
  function headers(extra) {
    const h = Object.assign({ Accept: "application/json" }, extra || {});
    const key = localStorage.getItem("cf_api_key");
    if (key) h["X-API-Key"] = key;
    return h;
  }
  async function api(path) {
    const res = await fetch(path, { headers: headers(), credentials: "same-origin" });
    if (res.status === 401) { askForKey("This service needs an API key for its API."); throw new Error("401"); }
    if (!res.ok) {
      let detail = res.statusText;
      try { detail = (await res.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(res.status + " " + detail);
    }
    return res.json();
  }
  function banner(text) { const b = $("banner"); b.textContent = text || ""; b.hidden = !text; }
  function askForKey(reason) {
    banner(reason + " Set one with the ⚿ button.");
  }
  $("key").addEventListener("click", () => { $("key-input").value = localStorage.getItem("cf_api_key") || ""; $("key-dialog").showModal(); });
  $("key-dialog").addEventListener("close", () => {
    const v = $("key-dialog").returnValue;
    if (v === "save" && $("key-input").value.trim()) localStorage.setItem("cf_api_key", $("key-input").value.trim());
    if (v === "clear") localStorage.removeItem("cf_api_key");
    if (v) { banner(""); start(); }
  });

  // ---- formatting --------------------------------------------------------------------------
  function fmtDecimal(text, maxFraction) {
    if (text === null || text === undefined) return "—";
    const neg = text.startsWith("-");
    let [int, frac = ""] = (neg ? text.slice(1) : text).split(".");
    int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    frac = frac.slice(0, maxFraction === undefined ? 8 : maxFraction).replace(/0+$/, "");
    return (neg ? "-" : "") + int + (frac ? "." + frac : "");
  }
  function priceDigits(price) { const p = Math.abs(parseFloat(price)); return p >= 1000 ? 2 : p >= 1 ? 4 : 8; }
  function ago(ms) {
    if (ms === null || ms === undefined) return "never";
    const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
    return s < 60 ? s + " s ago" : s < 3600 ? Math.round(s / 60) + " min ago" : Math.round(s / 3600) + " h ago";
  }
  function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
  const clockTime = (ms) => new Date(ms).toISOString().replace("T", " ").slice(0, 19) + " UTC";

  // ---- pickers -----------------------------------------------------------------------------
  function fill(select, values, chosen) {
    select.replaceChildren(...values.map((v) => { const o = el("option", null, v); o.value = v; return o; }));
    select.value = values.includes(chosen) ? chosen : values[0];
    return select.value;
  }
  function venuesOf(symbol) {
    const s = state.catalog.find((x) => x.symbol === symbol);
    const v = s ? s.venues.slice() : [];
    v.sort((a, b) => (a === "consolidated" ? -1 : b === "consolidated" ? 1 : a.localeCompare(b)));
    return v;
  }
  function intervalsOf(symbol) {
    const order = ["1s", "1m", "5m", "15m", "1h", "1d"];
    const s = state.catalog.find((x) => x.symbol === symbol);
    return (s ? s.intervals : ["1m"]).slice().sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  function syncPickers(wanted) {
    state.symbol = fill($("symbol"), state.catalog.map((s) => s.symbol), wanted.symbol || state.symbol);
    state.venue = fill($("venue"), venuesOf(state.symbol), wanted.venue || state.venue);
    const ivs = intervalsOf(state.symbol);
    state.interval = fill($("interval"), ivs, wanted.interval || state.interval || (ivs.includes("1m") ? "1m" : ivs[0]));
    location.hash = [state.symbol, state.venue, state.interval].join("/");
  }
  $("pickers").addEventListener("change", () => { syncPickers({ symbol: $("symbol").value, venue: $("venue").value, interval: $("interval").value }); select(); });

  // ---- history and live ----------------------------------------------------------------------
  function bar(c) { return { time: Math.floor(c.openTime / 1000), open: +c.open, high: +c.high, low: +c.low, close: +c.close }; }
  function vol(c) { return { time: Math.floor(c.openTime / 1000), value: +c.volume, color: +c.close >= +c.open ? state.upVol : state.downVol }; }
  function showOhlc(c) {
    const parts = [["O", c.open], ["H", c.high], ["L", c.low], ["C", c.close], ["V", c.volume]];
    $("ohlc").replaceChildren(...parts.map(([k, v]) => { const s = el("span", null, k + " "); s.append(el("b", null, fmtDecimal(v, k === "V" ? 4 : priceDigits(c.close)))); return s; }));
  }
  async function reloadHistory() {
    const gen = state.generation;
    const q = new URLSearchParams({ symbol: state.symbol, venue: state.venue, interval: state.interval, order: "desc", limit: "500" });
    const page = await api("/v1/candles?" + q);
    if (gen !== state.generation) return;
    const rows = page.data.slice().reverse();
    candles.setData(rows.map(bar));
    volume.setData(rows.map(vol));
    state.lastBar = rows.length ? bar(rows[rows.length - 1]) : null;
    if (rows.length) showOhlc(rows[rows.length - 1]);
    body.dataset.candles = String(rows.length);
    body.dataset.historyLoaded = "true";
    $("chart-note").textContent = rows.length
      ? rows.length + " final candles from ClickHouse · newest " + clockTime(rows[rows.length - 1].openTime)
      : "No final candles yet for this series";
    if (rows.length < 120) chart.timeScale().fitContent();
    else chart.timeScale().scrollToRealTime();
  }
  function onCandle(c) {
    if (c.symbol !== state.symbol || c.interval !== state.interval || c.venue !== state.venue) return;
    const b = bar(c);
    if (state.lastBar && b.time < state.lastBar.time) return; // a late revision of an older candle: history has it
    candles.update(b);
    volume.update(vol(c));
    state.lastBar = b;
    state.live += 1;
    body.dataset.liveEvents = String(state.live);
    body.dataset.lastLive = String(c.openTime);
    showOhlc(c);
    $("quote-price").textContent = fmtDecimal(c.close, priceDigits(c.close));
    $("live-note").textContent = (c.final ? "final" : "live") + " update " + clockTime(c.openTime) + " · " + state.live + " received";
  }
  function setStatus(kind, text) { const s = $("status"); s.className = "pill pill-" + kind; s.textContent = text; }

  async function stream(gen) {
    let delay = 1000;
    while (gen === state.generation) {
      const q = new URLSearchParams({ symbol: state.symbol, interval: state.interval, venue: state.venue });
      const ctrl = new AbortController();
      state.stream = ctrl;
      try {
        const extra = state.lastEventId ? { "Last-Event-ID": state.lastEventId } : {};
        const res = await fetch("/v1/stream/candles?" + q, { headers: headers(Object.assign({ Accept: "text/event-stream" }, extra)), credentials: "same-origin", signal: ctrl.signal });
        if (res.status === 401) { askForKey("The live stream needs an API key."); setStatus("down", "No key"); return; }
        if (!res.ok || !res.body) throw new Error("stream " + res.status);
        setStatus("live", "Live");
        delay = 1000;
        await readEvents(res.body, gen);
      } catch (e) {
        if (gen !== state.generation) return;
      }
      setStatus("idle", "Reconnecting…");
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 15000);
    }
  }
  async function readEvents(stream, gen) {
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    while (gen === state.generation) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        dispatch(block);
      }
    }
  }
  function dispatch(block) {
    let event = "message", data = "", id = null;
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      const i = line.indexOf(":");
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data += value;
      else if (field === "id") id = value;
    }
    if (id) state.lastEventId = id;
    if (event === "candle" && data) onCandle(JSON.parse(data));
    if (event === "gap") reloadHistory().catch(() => {});
  }

  // ---- side panels -----------------------------------------------------------------------------
  async function refreshPrices() {
    const res = await api("/v1/prices/latest?symbols=" + encodeURIComponent(state.symbol));
    const p = res.data[0];
    const tbody = $("venues").tBodies[0];
    if (!p) { tbody.replaceChildren(row3("No prices yet")); return; }
    if (!state.live) $("quote-price").textContent = fmtDecimal(p.price, priceDigits(p.price));
    const ch = $("quote-change");
    ch.textContent = (p.change24h.startsWith("-") ? "" : "+") + fmtDecimal(p.change24h, priceDigits(p.price)) + " (" + (+p.change24hPct).toFixed(2) + "%) 24h · vol " + fmtDecimal(p.volume24h, 2);
    ch.className = "quote-change " + (p.change24h.startsWith("-") ? "down" : "up");
    $("prices-source").textContent = p.consolidated ? "consolidated" : "reference: " + p.source;
    const rows = [];
    const ref = el("tr", "consolidated");
    const name = el("td", null, p.consolidated ? "Consolidated" : p.source);
    name.append(el("span", "tag tag-ref", "ref"));
    ref.append(name, el("td", "num", fmtDecimal(p.price, priceDigits(p.price))), el("td", "num", "—"));
    rows.push(ref);
    for (const v of p.venues) {
      const tr = el("tr", v.excluded ? "excluded" : "");
      const n = el("td", null, v.venue);
      if (v.excluded) n.append(el("span", "tag tag-excluded", "excluded"));
      const dev = el("td", "num " + (+v.deviationBps > 0 ? "up" : +v.deviationBps < 0 ? "down" : ""), (+v.deviationBps > 0 ? "+" : "") + v.deviationBps);
      tr.append(n, el("td", "num", fmtDecimal(v.price, priceDigits(v.price))), dev);
      rows.push(tr);
    }
    tbody.replaceChildren(...rows);
    const chips = p.includedVenues.map((v) => el("span", "chip in", "✓ " + v)).concat(p.excludedVenues.map((v) => el("span", "chip out", "✕ " + v)));
    $("included").replaceChildren(...chips);
  }
  function row3(text) { const tr = el("tr"); const td = el("td", "muted", text); td.colSpan = 3; tr.append(td); return tr; }

  async function refreshHealth() {
    const res = await api("/v1/venues/health");
    const shown = res.data.filter((v) => v.connections.length || v.lastStreamEventTime || venuesOf(state.symbol).includes(v.venue));
    const items = shown.map((v) => {
      const li = el("li");
      li.append(el("span", "dot " + v.state), el("span", "name", v.venue), el("span", "state", v.state));
      const c = v.connections;
      const sum = (k) => c.reduce((a, x) => a + x[k], 0);
      const lag = c.length ? Math.max(...c.map((x) => x.lagP99Ms)) : null;
      const parts = [];
      if (c.length) parts.push(c.length + " conn", "reported " + ago(v.lastReportTime), "lag p99 " + Math.round(lag) + " ms", sum("reconnects") + " reconnects", sum("gaps") + " gaps");
      parts.push("stream " + ago(v.lastStreamEventTime));
      li.append(el("span", "stats", parts.join(" · ")));
      return li;
    });
    $("health").replaceChildren(...(items.length ? items : [el("li", "muted", "No venues reported yet")]));
  }

  async function refreshOutliers() {
    const res = await api("/v1/outliers?limit=12&symbol=" + encodeURIComponent(state.symbol));
    const items = res.data.map((o) => {
      const li = el("li");
      const what = el("span", "what", o.venue + " · " + o.rule.replace("_", " ") + " · " + o.action);
      const dev = el("span", "dev", (o.deviationBps >= 0 ? "+" : "") + o.deviationBps.toFixed(1) + " bps");
      const when = el("span", "when", clockTime(o.time) + " · price " + fmtDecimal(o.price, priceDigits(o.price)) + " vs " + fmtDecimal(o.reference, priceDigits(o.reference)));
      const sev = el("span", "sev sev-" + o.severity, o.severity);
      li.append(what, dev, when, sev);
      return li;
    });
    $("outliers").replaceChildren(...(items.length ? items : [el("li", "muted", "No outliers for " + state.symbol + " in the last 7 days")]));
  }

  const safely = (f) => () => (state.symbol ? f() : Promise.resolve()).catch((e) => { if (e.message !== "401") console.warn(e); });

  // ---- wiring ----------------------------------------------------------------------------------
  function select() {
    state.generation += 1;
    if (state.stream) state.stream.abort();
    state.lastEventId = null;
    state.lastBar = null;
    state.live = 0;
    body.dataset.historyLoaded = "false";
    $("title-symbol").textContent = state.symbol;
    $("title-venue").textContent = state.venue + " · " + state.interval;
    document.title = state.symbol + " · candleflow";
    const gen = state.generation;
    reloadHistory().then(() => stream(gen)).catch((e) => { $("chart-note").textContent = "Cannot load candles: " + e.message; setStatus("down", "Offline"); });
    safely(refreshPrices)(); safely(refreshOutliers)(); safely(refreshHealth)();
  }
  async function start() {
    try {
      state.catalog = (await api("/v1/symbols")).data;
    } catch (e) {
      setStatus("down", "Offline");
      $("chart-note").textContent = "Cannot reach the API: " + e.message;
      return;
    }
    if (!state.catalog.length) { $("chart-note").textContent = "No candles in ClickHouse yet; is the job running?"; setTimeout(start, 5000); return; }
    const [symbol, venue, interval] = decodeURIComponent(location.hash.slice(1)).split("/");
    syncPickers({ symbol, venue, interval });
    select();
  }
  setInterval(safely(refreshPrices), 5000);
  setInterval(safely(refreshOutliers), 15000);
  setInterval(safely(refreshHealth), 10000);
  start();
})();
