export const PACKAGE_NAME = '@nba-reporter/agents-otel';
export const PACKAGE_VERSION = '0.1.0';
