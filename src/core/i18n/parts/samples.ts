import { defineMessages } from '../catalogue';

/** "Try with sample data" and "Remove sample data" (issue 14); their menu labels are in ui.ts, which the sidebar bundles. */
export const samplesMessages = defineMessages({
  'samples.none': {
    en: 'There are no “Sample – …” tabs to remove.',
    zh: '没有可移除的「Sample – …」标签页。',
  },
  'samples.removed': {
    en: 'Removed {count} sample {count|tab|tabs}; every output was rebuilt without {count|it|them}.',
    zh: '已移除 {count} 个示例标签页，所有输出表已在没有它们的情况下重新生成。',
  },
  'samples.removedNothingLeft': {
    en: 'Removed {count} sample {count|tab|tabs} and the sheets built from {count|it|them}: no export of your own is left to build from.',
    zh: '已移除 {count} 个示例标签页及由其生成的工作表：没有您自己的导出数据可供生成。',
  },
});
