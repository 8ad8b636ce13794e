declare const __MOCKS__: boolean;
