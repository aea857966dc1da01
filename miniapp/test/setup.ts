// The H5 build is what the browser tests drive; unit tests see the same platform.
process.env.TARO_ENV = 'h5'
