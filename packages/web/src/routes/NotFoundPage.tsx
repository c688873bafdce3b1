import { ProblemPage } from '../components/Notices.tsx';

export function NotFoundPage() {
  return <ProblemPage problem={{ title: 'Not found', status: 404 }} />;
}
