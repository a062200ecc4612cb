import type { InstallOs, InstallStep } from '../../../../shared/tunnel-models';
import { CopyButton } from '../../components/copy-button';
import { osLabel, stepsForOs } from './tunnel-format';

/** How to install a provider's program: every way for every OS, this OS first, each command copyable. */
export function InstallSteps({
  steps,
  os,
  tool,
}: {
  steps: readonly InstallStep[];
  os: InstallOs;
  tool: string;
}) {
  if (steps.length === 0) return null;
  return (
    <div className="install-steps" data-testid="install-steps">
      {stepsForOs(steps, os).map((step, index) => (
        <div key={`${step.os}-${index}`} className="install-step" data-os={step.os}>
          <p className="install-step-title">
            <span className={`tag ${step.os === os ? 'tag-accent' : ''}`}>{osLabel(step.os)}</span>
            {step.label}
          </p>
          <div className="install-commands">
            <pre className="mono install-command">{step.commands.join('\n')}</pre>
            <CopyButton
              text={step.commands.join('\n')}
              label={`Copy ${osLabel(step.os)} install commands for ${tool} (${step.label})`}
            />
          </div>
        </div>
      ))}
    </div>
  );
}
