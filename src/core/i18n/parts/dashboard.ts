import { defineMessages } from '../catalogue';

export const dashboardMessages = defineMessages({});
