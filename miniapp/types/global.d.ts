/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** The mini-program appid of this environment (see project.config.json). */
    TARO_APP_ID: string
    /**
     * Origin of the BFF without the '/api/v1' suffix, e.g. 'https://union.example.cn'.
     * '' means the page's own origin (H5 served by the BFF). Set in config/index.ts.
     */
    TARO_APP_API: string
  }
}
