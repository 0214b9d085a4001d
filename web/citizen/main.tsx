import { render } from 'preact';

function App() {
  return (
    <main>
      <h1>Tra cứu hồ sơ</h1>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
