import type { WorkflowExecute } from 'n8n-core';
import type { IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType, IRun } from 'n8n-workflow';

import type { RateGateClock } from '../../nodes/shared/rateGate';
import { setRateGateClock } from '../../nodes/shared/rateGate';
import type { NodeUnderTest } from '../harness/engine';
import { ensureBinaryData, prepareRun } from '../harness/engine';

/**
 * Campaign runs need more of n8n's engine than `runNode` exposes: an execution that can be
 * cancelled mid-run, the node's error output, and several executions sharing one credential.
 */
export interface Campaign {
	/** Stops the execution as n8n's "Stop" button does (aborts its cancel signal). */
	cancel(): void;
	/** Resolves when the node under test has returned or thrown (also after a cancel). */
	nodeDone: Promise<void>;
	/** Resolves with the run data once n8n says the execution finished (or was cancelled). */
	finished: Promise<IRun>;
}

export interface CampaignResult {
	/** Output 0 (success) and, with "Continue (using error output)", output 1 (errors). */
	outputs: INodeExecutionData[][];
	error?: Error & { description?: string; context?: Record<string, unknown> };
	run: IRun;
}

const NODE = 'Send';
let executions = 0;

/** Starts Start → node through n8n-core's WorkflowExecute; the credential id is shared by every run. */
export function startCampaign(
	target: NodeUnderTest,
	parameters: INodeParameters,
	items: INodeExecutionData[],
	options: { onError?: 'continueRegularOutput' | 'continueErrorOutput' } = {},
): Campaign {
	let markDone!: () => void;
	const nodeDone = new Promise<void>((resolve) => (markDone = resolve));
	// The node under test, reporting when its execute() has settled.
	const probe: INodeType = {
		description: target.node.description,
		methods: target.node.methods,
		async execute(this: IExecuteFunctions) {
			try {
				return await target.node.execute!.call(this);
			} finally {
				markDone();
			}
		},
	};
	const executionId = `campaign-${++executions}`;
	const { workflow, execution, finished } = prepareRun(
		target,
		probe,
		{ id: 'send', name: NODE, parameters, ...(options.onError ? { onError: options.onError } : {}) },
		items,
		{ workflowId: 'wf-campaign', executionId },
	);
	// Keep n8n's cancellable promise itself: awaiting it would unwrap it.
	let running: ReturnType<WorkflowExecute['processRunExecutionData']> | undefined;
	const started = ensureBinaryData().then(() => {
		running = execution.processRunExecutionData(workflow);
	});
	return {
		cancel: () => void started.then(() => running?.cancel()),
		nodeDone,
		finished,
	};
}

/** Runs a campaign to its end and returns the node's outputs. */
export async function runCampaign(
	target: NodeUnderTest,
	parameters: INodeParameters,
	items: INodeExecutionData[],
	options: { onError?: 'continueRegularOutput' | 'continueErrorOutput' } = {},
): Promise<CampaignResult> {
	return resultOf(await startCampaign(target, parameters, items, options).finished);
}

export function resultOf(run: IRun): CampaignResult {
	const task = run.data.resultData.runData[NODE]?.[0];
	return {
		outputs: (task?.data?.main ?? []).map((output) => output ?? []),
		error: (task?.error ?? run.data.resultData.error) as CampaignResult['error'],
		run,
	};
}

/**
 * A virtual clock for the rate gates and the Sending delay: a sleeper wakes when a driver (every
 * few real milliseconds) moves time to its wake-up time, earliest first. Time never passes by itself,
 * so tests reason about the gate's schedule, never about how fast the machine is.
 */
export class VirtualClock implements RateGateClock {
	time = 1_800_000_000_000;
	private timers: Array<{ at: number; wake: () => void }> = [];
	private driver?: NodeJS.Timeout;
	readonly now = () => this.time;
	readonly sleep = async (ms: number) =>
		await new Promise<void>((wake) => {
			this.timers.push({ at: this.time + Math.max(0, ms), wake });
		});

	install(): this {
		setRateGateClock(this);
		this.driver = setInterval(() => {
			this.timers.sort((a, b) => a.at - b.at);
			const next = this.timers.shift();
			if (!next) return;
			this.time = Math.max(this.time, next.at);
			next.wake();
		}, 3);
		return this;
	}

	uninstall(): void {
		clearInterval(this.driver);
		setRateGateClock(undefined);
	}
}

/** The largest number of requests to one chat that the fake had in flight at the same time. */
export function maxInFlightPerChat(
	timeline: Array<{ event: 'start' | 'end'; request: number }>,
	chatOf: (request: number) => string,
): number {
	const open = new Map<string, number>();
	let max = 0;
	for (const { event, request } of timeline) {
		const chat = chatOf(request);
		const count = (open.get(chat) ?? 0) + (event === 'start' ? 1 : -1);
		open.set(chat, count);
		max = Math.max(max, count);
	}
	return max;
}
