// Temporary (helper V1): the base config served from a private build folder, so parallel helpers' builds do not clash.
import base from './playwright.config.ts';
const port = Number(process.env.PORT || 4991);
export default {
  ...base,
  outputDir: '/tmp/v1/e2e-artifacts',
  reporter: [['list']],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    ...base.webServer,
    command: `node node_modules/vite/bin/vite.js preview --strictPort --host 127.0.0.1 --port ${port} --outDir /tmp/v1/dist`,
    url: `http://127.0.0.1:${port}`,
  },
};
