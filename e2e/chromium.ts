/**
 * How Fascia's browser runs (the e2e lane and `npm run bench:web`) launch Chromium: Debian's
 * package on a machine without a network beyond the package registries, so no background
 * networking, no sandbox as root; playwright gives every launch a fresh empty profile.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
