import { createNodeRecognizer, fromVideoFile } from '@gesture/node';

const recognizer = await createNodeRecognizer();
recognizer.events(fromVideoFile('meeting.mp4', { fps: 10 })).subscribe({
  next: (event) => console.log(event),                     // gesture start/end, presence away/back, …
  error: (error: { code?: string; message: string }) => console.error(error.code, error.message), // e.g. video-decode for a cut file
});
