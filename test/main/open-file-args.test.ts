import { describe, expect, it } from 'vitest';
import {
  argumentToProjectPath,
  fileUriToPath,
  openFileEventPath,
  projectPathsFromArgv,
  type LaunchContext,
} from '../../src-main/open-file-args';

const windows: LaunchContext = { platform: 'win32', defaultApp: false, cwd: 'C:\\Users\\ada\\Documents' };
const linux: LaunchContext = { platform: 'linux', defaultApp: false, cwd: '/home/ada/projects' };
const mac: LaunchContext = { platform: 'darwin', defaultApp: false, cwd: '/' };

describe('file-open arguments on Windows', () => {
  it('takes the path Explorer passes after the executable', () => {
    const argv = ['C:\\Program Files\\LayerLab\\LayerLab.exe', 'D:\\nets\\spiral.layerlab.json'];
    expect(projectPathsFromArgv(argv, windows)).toEqual(['D:\\nets\\spiral.layerlab.json']);
  });

  it('skips the switches Chromium appends to a second instance’s command line', () => {
    const argv = [
      'C:\\Program Files\\LayerLab\\LayerLab.exe',
      '--allow-file-access-from-files',
      'D:\\nets\\a b\\spiral.layerlab.json',
      '--original-process-start-time=13350000000000000',
    ];
    expect(projectPathsFromArgv(argv, windows)).toEqual(['D:\\nets\\a b\\spiral.layerlab.json']);
  });

  it('resolves a relative path against the launching folder, case-insensitively by extension', () => {
    const argv = ['LayerLab.exe', 'nets\\XOR.LAYERLAB.JSON'];
    expect(projectPathsFromArgv(argv, windows)).toEqual(['C:\\Users\\ada\\Documents\\nets\\XOR.LAYERLAB.JSON']);
  });

  it('strips quotes a launcher passed through', () => {
    expect(argumentToProjectPath('"C:\\x\\net.layerlab.json"', windows)).toBe('C:\\x\\net.layerlab.json');
  });

  it('reads drive and UNC file URIs', () => {
    expect(fileUriToPath('file:///C:/Users/ada/my%20net.layerlab.json', 'win32')).toBe('C:\\Users\\ada\\my net.layerlab.json');
    expect(fileUriToPath('file://server/share/net.layerlab.json', 'win32')).toBe('\\\\server\\share\\net.layerlab.json');
  });
});

describe('file-open arguments on Linux', () => {
  it('decodes the file URIs a .desktop entry passes with %U', () => {
    const argv = ['/opt/LayerLab/layerlab', 'file:///home/ada/My%20Nets/caf%C3%A9.layerlab.json'];
    expect(projectPathsFromArgv(argv, linux)).toEqual(['/home/ada/My Nets/café.layerlab.json']);
  });

  it('takes plain and relative paths from a terminal', () => {
    const argv = ['/usr/bin/layerlab', 'spiral.layerlab.json', '../shared/xor.layerlab.json'];
    expect(projectPathsFromArgv(argv, linux)).toEqual(['/home/ada/projects/spiral.layerlab.json', '/home/ada/shared/xor.layerlab.json']);
  });

  it('refuses URIs that name another host or are not files', () => {
    expect(fileUriToPath('file://otherhost/etc/x.layerlab.json', 'linux')).toBeNull();
    expect(fileUriToPath('file://localhost/tmp/x.layerlab.json', 'linux')).toBe('/tmp/x.layerlab.json');
    expect(argumentToProjectPath('https://example.com/x.layerlab.json', linux)).toBeNull();
    expect(argumentToProjectPath('https://example.com/x.layerlab.json', windows)).toBeNull();
    expect(fileUriToPath('https://example.com/x.json', 'linux')).toBeNull();
  });

  it('ignores arguments that are not project files', () => {
    const argv = ['/usr/bin/layerlab', 'notes.txt', '', 'data.csv'];
    expect(projectPathsFromArgv(argv, linux)).toEqual([]);
  });

  it('treats everything after a bare -- as a file, even names starting with a dash', () => {
    const argv = ['/usr/bin/layerlab', '--no-sandbox', '--', '-odd.layerlab.json'];
    expect(projectPathsFromArgv(argv, linux)).toEqual(['/home/ada/projects/-odd.layerlab.json']);
  });

  it('lists each file once', () => {
    const argv = ['/usr/bin/layerlab', 'a.layerlab.json', './a.layerlab.json', 'file:///home/ada/projects/a.layerlab.json'];
    expect(projectPathsFromArgv(argv, linux)).toEqual(['/home/ada/projects/a.layerlab.json']);
  });
});

describe('file-open arguments on macOS and in development', () => {
  it('skips the process serial number Finder adds on macOS', () => {
    const argv = ['/Applications/LayerLab.app/Contents/MacOS/LayerLab', '-psn_0_1234567'];
    expect(projectPathsFromArgv(argv, mac)).toEqual([]);
  });

  it('accepts absolute project paths from the open-file event only', () => {
    expect(openFileEventPath('/Users/ada/net.layerlab.json', 'darwin')).toBe('/Users/ada/net.layerlab.json');
    expect(openFileEventPath('/Users/ada/photo.png', 'darwin')).toBeNull();
    expect(openFileEventPath('relative.layerlab.json', 'darwin')).toBeNull();
  });

  it('skips the app folder when started as `electron . file` (process.defaultApp)', () => {
    const dev = { ...linux, defaultApp: true };
    expect(projectPathsFromArgv(['/x/electron', '.', 'net.layerlab.json'], dev)).toEqual(['/home/ada/projects/net.layerlab.json']);
    expect(projectPathsFromArgv(['/x/electron', '--inspect=5858', '.', 'n.layerlab.json'], dev)).toEqual(['/home/ada/projects/n.layerlab.json']);
    // A packaged app has no app-folder argument: the first positional is already a file.
    expect(projectPathsFromArgv(['/x/layerlab', 'net.layerlab.json'], linux)).toEqual(['/home/ada/projects/net.layerlab.json']);
  });
});

describe('the one-part .layerlab extension (what Windows and macOS associate by double-click)', () => {
  it('is taken from a double-click on each system, other files are not', () => {
    expect(projectPathsFromArgv(['C:\\LayerLab\\LayerLab.exe', 'D:\\class\\xor.layerlab'], windows)).toEqual(['D:\\class\\xor.layerlab']);
    expect(openFileEventPath('/Users/ada/xor.LAYERLAB', 'darwin')).toBe('/Users/ada/xor.LAYERLAB');
    expect(projectPathsFromArgv(['/usr/bin/layerlab', 'file:///home/ada/xor.layerlab'], linux)).toEqual(['/home/ada/xor.layerlab']);
    expect(projectPathsFromArgv(['/usr/bin/layerlab', 'xor.layerlab.bak', 'notes.txt'], linux)).toEqual([]);
  });
});
