export declare const REQUIRED_MAJOR: number;
