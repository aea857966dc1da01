import type { PropsWithChildren } from 'react'
import './app.css'

/** The app shell: pages render as its children; shared state lives in src/store. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
