import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Where the BFF lives. `TARO_APP_API` (from the shell or a `.env.*` file) wins; otherwise H5 talks
 * to its own origin (the BFF serves the H5 build, so '' means '/api/v1' on the same host) and the
 * mini-program, which has no origin of its own, talks to a BFF on this machine.
 */
function apiBase(): string {
  const fromEnv = process.env.TARO_APP_API
  if (fromEnv !== undefined) return fromEnv.replace(/\/+$/, '')
  return process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:3000'
}

// https://taro-docs.jd.com/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'unionhome',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    // One folder per platform, or the h5 and weapp builds overwrite each other.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    // Taro merges `env` with the TARO_APP_* keys of the .env files into `process.env.*` constants.
    env: {
      TARO_APP_API: JSON.stringify(apiBase())
    },
    defineConstants: {},
    copy: {
      patterns: [],
      options: {}
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false
    },
    mini: {
      postcss: {
        pxtransform: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the BFF serves index.html at '/' and never has to know the page paths.
      router: {
        mode: 'hash'
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Taro splits only the initial chunks, so every lazily loaded page would carry its own copy
        // of the Taro components and our src/components. Modules that several pages use go to
        // chunks shared by exactly those pages (unnamed, so 首页 never loads a subpackage's libraries).
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              pagesShared: { chunks: 'async', minChunks: 2, minSize: 8000, priority: 5, reuseExistingChunk: true }
            }
          }
        })
      }
    }
  }

  if (process.env.NODE_ENV === 'development') {
    // Local development: no minification.
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
