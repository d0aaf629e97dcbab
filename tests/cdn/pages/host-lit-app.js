// The host's own app, built with Lit and loaded before the widgets: its Lit creates the
// Trusted Types policy named lit-html first, and renders into #host-app.
import { html, render } from '/node_modules/lit-html/lit-html.js';

render(html`<span class="host-rendered">Host app rendered with Lit</span>`, document.getElementById('host-app'));
