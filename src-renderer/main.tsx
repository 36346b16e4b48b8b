import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectCore } from './api';
import { App } from './App';
import { offerPrebuiltIndex } from './catalog/catalog-search';
import { prebuiltIndex } from './catalog/prebuilt-index';
import './styles.css';

// One connection for the life of the page, made outside React so that rendering twice (StrictMode) cannot open two.
const connection = connectCore();
// The first search restores the built-in catalog's index, built with the page, instead of building it.
offerPrebuiltIndex(prebuiltIndex);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
);
