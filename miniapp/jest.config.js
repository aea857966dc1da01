/**
 * Component and page tests of the mini-app in jsdom. Taro's runtime needs a mini-program or
 * its own H5 shell, so `@tarojs/components` and `@tarojs/taro` are replaced by small mocks in
 * test/mocks (TOOLCHAIN.md: @tarojs/test-utils-react does not install with Taro 4).
 * Run from anywhere: `npx jest -c miniapp/jest.config.js`.
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts?(x)', '<rootDir>/test/**/*.spec.ts?(x)'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        // isolatedModules: each file is transpiled alone (fast; tsc -p miniapp does the type check).
        tsconfig: {
          isolatedModules: true,
          jsx: 'react-jsx',
          module: 'commonjs',
          target: 'es2019',
          esModuleInterop: true,
          allowSyntheticDefaultImports: true
        }
      }
    ]
  },
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/test/mocks/components.tsx',
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '\\.(css|scss)$': '<rootDir>/test/mocks/style.ts',
    '^@unionhome/shared$': '<rootDir>/../shared/src/index.ts',
    '^@/(.*)$': '<rootDir>/src/$1'
  },
  clearMocks: true
}
