import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectCore } from './api';
import { App } from './App';
import './styles.css';

// One connection for the life of the page, made outside React so that rendering twice (StrictMode) cannot open two.
const connection = connectCore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
);
